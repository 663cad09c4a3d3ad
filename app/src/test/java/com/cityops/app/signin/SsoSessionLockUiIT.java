package com.cityops.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.feed.BackendClient;
import com.cityops.app.i18n.Messages;
import com.cityops.app.security.SessionLock;
import com.cityops.app.security.UnlockMethod;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After single sign-on there is no password to type at a locked seat: it unlocks by signing on
 * again at the provider (the real sim's, over real sockets), and only as the same person.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SsoSessionLockUiIT {
  private static final AtomicReference<HeadlessBrowser> person = new AtomicReference<>();
  private static SimServer sim;
  private static BackendClient client;
  private static OidcSignOn sso;
  private SessionLock lock;
  private Region content;

  @BeforeAll
  static void signOn() throws Exception {
    sim = SimServer.start(SimConfig.builder().port(0).seed(5).rate(0).build());
    client = new BackendClient(sim.baseUrl());
    Path dir = Files.createTempDirectory("sso-lock");
    person.set(new HeadlessBrowser("operator", "operator"));
    sso =
        new OidcSignOn(
            URI.create(sim.baseUrl()),
            "cityops-console",
            uri -> person.get().open(uri),
            new EncryptedFileTokenStore(dir.resolve("t.bin"), dir.resolve("t.key")),
            Clock.systemUTC());
    assertThat(sso.signIn(client).username()).isEqualTo("operator");
  }

  @AfterAll
  static void stop() {
    sso.close();
    client.close();
    sim.close();
  }

  @Start
  void start(Stage stage) {
    UnlockMethod signOnAgain = UnlockMethod.signOnAgain(() -> sso.confirmSamePerson(client));
    lock =
        new SessionLock(
            Messages.forLanguage("zh-CN"),
            "operator",
            signOnAgain,
            Platform::runLater,
            Duration.ofMinutes(10),
            System::nanoTime);
    content = new Region();
    Scene scene = new Scene(lock.guard(content), 800, 600);
    com.cityops.themes.Themes.apply(scene, com.cityops.themes.Theme.DARK);
    lock.watch(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void unlocksOnlyWhenTheSamePersonSignsOnAgain(FxRobot robot) throws Exception {
    robot.interact(lock::lock);
    assertThat(content.isVisible()).isFalse();
    assertThat(robot.lookup("#lock-password").query().isVisible()).isFalse();
    assertThat(robot.lookup("#lock-unlock").queryAs(Button.class).getText()).contains("单点登录");

    person.set(new HeadlessBrowser("supervisor", "supervisor"));
    robot.clickOn("#lock-unlock");
    Label problem = robot.lookup("#lock-problem").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> problem.getText().contains("登录的是 supervisor"));
    assertThat(lock.lockedProperty().get()).isTrue();
    assertThat(content.isVisible()).isFalse();
    com.cityops.app.UiTestSupport.snapshot(robot, Path.of("target/screenshots/sso-lock.png"));
    assertThat(client.session().username())
        .as("the session is still the operator's")
        .isEqualTo("operator");

    person.set(new HeadlessBrowser("operator", "operator"));
    robot.clickOn("#lock-unlock");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lock.lockedProperty().get());
    assertThat(content.isVisible()).isTrue();
    assertThat(client.session().username()).isEqualTo("operator");
  }
}
