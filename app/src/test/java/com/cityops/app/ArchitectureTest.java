package com.cityops.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture rules, each with its reason, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.cityops");

  @Test
  void onlyTheFxPackageTouchesThePlatform() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.cityops.app.fx..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javafx.application.Platform")
        .because(
            "one door marshals onto the FX thread and coalesces; runLater sprinkled around cannot be reasoned about")
        .check(CLASSES);
  }

  @Test
  void feedAndStateStayFreeOfJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.cityops.app.feed..",
            "com.cityops.app.state..",
            "com.cityops.app.cache..",
            "com.cityops.app.outbox..",
            "com.cityops.app.status..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..")
        .because("the data layer runs off the FX thread and is tested without the toolkit")
        .check(CLASSES);
  }

  @Test
  void viewModelsHoldNoNodes() {
    classes()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("javafx.scene..")
        .because("view models are tested without a scene; views build the nodes")
        .check(CLASSES);
  }

  @Test
  void theMapEngineAndTheContractKnowNoJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage("com.cityops.map..", "com.cityops.api..", "com.cityops.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..")
        .because(
            "map-layers, api and sim are pure Java so they are tested in milliseconds and run headless")
        .check(CLASSES);
  }

  @Test
  void viewsDoNotParseJson() {
    noClasses()
        .that()
        .resideInAnyPackage("com.cityops.app.shell..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..", "okhttp3..")
        .because("data flows feed → state → FX bridge → views; views never see the wire")
        .check(CLASSES);
  }
}
