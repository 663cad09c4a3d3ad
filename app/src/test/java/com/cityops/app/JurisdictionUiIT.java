package com.cityops.app;

import static com.cityops.app.WorkspaceUiIT.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.app.search.SearchHit;
import com.cityops.app.shell.AreaScope;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An operator whose sign-in answer names a jurisdiction (the sim's {@code putuo}: 普陀区) sees no more
 * than that district, whatever they choose — real window, real backend.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class JurisdictionUiIT {
  private SimServer server;
  private CityOpsApp app;
  private final Path dataDir = UiTestSupport.tempDir();

  @Start
  void start(Stage stage) {
    server =
        SimServer.start(
            SimConfig.builder().port(0).start(Instant.parse("2026-11-22T02:00:00Z")).build());
    app =
        UiTestSupport.open(
                stage,
                "--server",
                server.baseUrl(),
                "--user",
                "putuo",
                "--data-dir",
                dataDir.toString(),
                "--basemap",
                "none")
            .app();
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  @Test
  void theJurisdictionKeepsADistrictOperatorInsideTheirDistrict(FxRobot robot) throws Exception {
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> app.gazetteer().children(AreaScope.CITY).size() >= 16);
    AreaScope putuo = new AreaScope(AreaScope.Level.DISTRICT, "310107", "普陀区");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fx(() -> app.workbench().scopeProperty().get()).equals(putuo));
    assertThat(fx(() -> app.workbench().userProperty().get().jurisdiction())).isEqualTo("310107");

    robot.interact(() -> app.workbench().scopeProperty().set(AreaScope.CITY));
    assertThat(fx(() -> app.workbench().scopeProperty().get())).isEqualTo(putuo);
    AreaScope xuhui = app.gazetteer().place("310104").orElseThrow().scope();
    robot.interact(() -> app.workbench().scopeProperty().set(xuhui));
    assertThat(fx(() -> app.workbench().scopeProperty().get())).isEqualTo(putuo);

    // Inside the district the operator drills down freely.
    AreaScope street = app.gazetteer().children(putuo).get(0).scope();
    robot.interact(() -> app.workbench().scopeProperty().set(street));
    assertThat(fx(() -> app.workbench().scopeProperty().get())).isEqualTo(street);
    assertThat(robot.lookup("#scope-crumb-0").query().isDisabled()).isTrue();

    // Search finds nothing beyond the district.
    assertThat(app.searchBoxHitsNow("徐汇区").stream().filter(h -> h.kind() == SearchHit.Kind.PLACE))
        .isEmpty();
    assertThat(app.searchBoxHitsNow("普陀区"))
        .anyMatch(h -> h.kind() == SearchHit.Kind.PLACE && h.id().equals("310107"));
  }
}
