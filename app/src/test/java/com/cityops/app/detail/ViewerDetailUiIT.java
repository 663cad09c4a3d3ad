package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.app.UiTestSupport;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Signed in as a viewer: the detail shows the case but offers no actions, and says why. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ViewerDetailUiIT {
  private SimServer server;
  private UiTestSupport.RunningApp app;
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
            "viewer",
            "--data-dir",
            dataDir.toString(),
            "--basemap",
            "none");
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  @Test
  void aViewerSeesTheCaseButNoActions(FxRobot robot) {
    IncidentDetailUiIT.waitUntilLive(app, robot);
    Incident incident = IncidentDetailUiIT.openCases(app, IncidentDetailUiIT.OPEN).get(0);
    IncidentDetailUiIT.select(robot, app, incident.id());
    await()
        .atMost(IncidentDetailUiIT.LONG)
        .until(
            () ->
                incident
                    .code()
                    .equals(robot.lookup("#detail-code").queryAs(Label.class).getText()));

    Label none = robot.lookup("#actions-none").queryAs(Label.class);
    assertThat(none.isVisible()).isTrue();
    assertThat(none.getText()).contains("观察席").contains("不能处置");
    assertThat(robot.lookup("#action-dispatch").queryButton().isVisible()).isTrue(); // node exists…
    assertThat(robot.lookup("#action-dispatch").queryButton().getParent().getParent().isVisible())
        .isFalse(); // …but its row is hidden
    assertThat(robot.lookup("#reveal-phone").tryQuery()).isEmpty();
  }
}
