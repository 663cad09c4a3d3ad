package com.cityops.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.app.UiTestSupport;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window (headless Monocle) against the real reference backend: it connects and shows the
 * city.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ShellUiIT {
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
            "operator",
            "--data-dir",
            dataDir.toString());
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  @Test
  void showsThatItIsConnectedAndFillsTheQueue(FxRobot robot) throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "实时".equals(robot.lookup("#feed-badge").queryAs(Label.class).getText()));
    TableView<?> queue = robot.lookup("#incident-queue").queryAs(TableView.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> !queue.getItems().isEmpty());
    Label age = robot.lookup("#data-age").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> age.getText().startsWith("数据"));
    assertThat(age.getText()).matches("数据 \\d+秒前");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !robot.lookup("#indicator-panel .indicator-tile").queryAll().isEmpty());
    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "shell-monocle.png"));
  }

  @Test
  void coversTheWindowWithAWatermarkOfWhoIsSignedIn(FxRobot robot) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> app.watermarkText() != null && app.watermarkText().contains("值班员 · operator"));
    javafx.scene.layout.Region mark =
        robot.lookup("#watermark").queryAs(javafx.scene.layout.Region.class);
    assertThat(mark.isMouseTransparent()).isTrue();
    assertThat(mark.getBackground()).isNotNull();
    assertThat(mark.getBackground().getImages()).hasSize(1);
    javafx.scene.Parent root = mark.getParent();
    assertThat(root).isSameAs(mark.getScene().getRoot());
    assertThat(root.getChildrenUnmodifiable()).last().isSameAs(mark);
    assertThat(mark.getWidth()).isEqualTo(mark.getScene().getWidth());
    assertThat(app.watermarkText()).matches("值班员 · operator · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
  }
}
