package com.cityops.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.app.Fixtures;
import com.cityops.app.UiTestSupport;
import com.cityops.app.cache.OfflineCache;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/** Backend down, cache present: the city is on screen at once, marked stale with its age. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OfflineStartUiIT {
  private final Path dataDir = UiTestSupport.tempDir();
  private UiTestSupport.RunningApp app;

  @Start
  void start(Stage stage) throws Exception {
    Snapshot cached =
        new Snapshot(
            77,
            Fixtures.T0,
            OperatingMode.NORMAL,
            List.of(Fixtures.incident("inc-cached", 4, IncidentStatus.HANDLING, IncidentLevel.III)),
            List.of(),
            List.of(),
            List.of());
    new OfflineCache(dataDir).save(cached, Instant.now().minus(Duration.ofMinutes(3)));
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      deadPort = probe.getLocalPort(); // free once closed: nothing listens there
    }
    app =
        UiTestSupport.open(
            stage, "--server", "http://127.0.0.1:" + deadPort, "--data-dir", dataDir.toString());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void showsTheCachedCityAtOnceMarkedStale(FxRobot robot) {
    TableView<?> queue = robot.lookup("#incident-queue").queryAs(TableView.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> queue.getItems().size() == 1);
    Label badge = robot.lookup("#feed-badge").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> "离线 · 缓存数据".equals(badge.getText()));
    Label age = robot.lookup("#data-age").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(3)).until(() -> age.getText().startsWith("缓存数据 3分钟前"));
    assertThat(badge.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("stale"));
  }
}
