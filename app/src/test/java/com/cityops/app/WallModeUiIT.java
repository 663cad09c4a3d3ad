package com.cityops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.cityops.api.LoginResponse;
import com.cityops.api.OperatingMode;
import com.cityops.app.fault.SimProcess;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.wall.WallDisplay;
import com.cityops.app.wall.WallModeController;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 平急转换 end to end: the sim's rainstorm (its own process, 60× speed) floods a low spot into a level
 * Ⅱ case; the wall (the 2-screen example layout) switches to its emergency layout with that case in
 * focus — timed from the moment the case reached a second client of the same stream to the moment
 * the emergency picture is up — and Ctrl+Alt+N switches it back.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WallModeUiIT {
  static final Instant START = Instant.parse("2026-11-22T06:00:00Z");
  private SimProcess sim;
  private String server;
  private UiTestSupport.RunningApp running;

  @Start
  void start(Stage stage) throws Exception {
    // Its own process, as in production: in this JVM the sim's city and the wall's drawing would
    // share two cores' worth of threads, and the measurement would be of that.
    sim =
        SimProcess.start(
            "--port", "0", "--speed", "60", "--scenario", "rainstorm", "--start", START.toString());
    server = "http://127.0.0.1:" + sim.port();
    running =
        UiTestSupport.open(
            stage,
            "--server",
            server,
            "--user",
            "wall",
            "--password",
            "wall",
            "--data-dir",
            UiTestSupport.tempDir().toString(),
            "--wall",
            WallLayoutFiles.example("two-screens.json").toString());
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
    sim.close();
  }

  @Test
  void aLevelTwoCaseSwitchesTheWallToEmergencyWithinTwoSecondsAndACommandSwitchesBack(FxRobot robot)
      throws Exception {
    WallDisplay wall = running.app().wallDisplay();
    AtomicLong arrived = new AtomicLong();
    AtomicReference<String> majorId = new AtomicReference<>();
    OkHttpClient http = new OkHttpClient();
    WebSocket watcher;
    try (BackendClient client = new BackendClient(server)) {
      LoginResponse login = client.login("viewer", "viewer");
      watcher =
          http.newWebSocket(
              new Request.Builder()
                  .url(
                      server.replaceFirst("^http", "ws")
                          + ApiPaths.STREAM
                          + "?since="
                          + client.health().seq())
                  .header("Authorization", "Bearer " + login.token())
                  .build(),
              new WebSocketListener() {
                @Override
                public void onMessage(WebSocket socket, String text) {
                  if (majorId.get() == null
                      && text.contains("\"incident.upsert\"")
                      && (text.contains("\"level\":1") || text.contains("\"level\":2"))) {
                    long now = System.nanoTime();
                    JsonNode payload = Json.readTree(text).get("payload");
                    if (payload.get("level").asInt() <= 2
                        && !payload.get("status").asText().equals("closed")) {
                      majorId.set(payload.get("id").asText());
                      arrived.set(now);
                    }
                  }
                }
              });
    }
    try {
      await().atMost(Duration.ofSeconds(240)).until(() -> majorId.get() != null);
      await()
          .atMost(Duration.ofSeconds(10))
          .alias("the wall switches for " + majorId.get())
          .until(
              () ->
                  wall.lastSwitch() != null
                      && wall.lastSwitch().change().mode() == OperatingMode.EMERGENCY);
      WallDisplay.Switched switched = wall.lastSwitch();
      double millis = (switched.shownNanos() - arrived.get()) / 1e6;
      String figures =
          String.format(
              "%s level II case %s: emergency layout shown %.0f ms after the case reached the"
                  + " stream (%.0f ms after the wall's summary had it; reason %s)%n",
              Instant.now(), majorId.get(), millis, switched.millis(), switched.change().reason());
      System.out.print(figures);
      Path out = Path.of("target/figures/wall-switch.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      assertThat(switched.change().reason()).isEqualTo(WallModeController.Reason.MAJOR_CASE);
      assertThat(switched.change().caseId()).isEqualTo(majorId.get());
      assertThat(running.workbench().selectedIncidentIdProperty().get()).isEqualTo(majorId.get());
      assertThat(robot.lookup("#wall-focus").tryQuery()).isPresent();
      assertThat(robot.lookup("#" + com.cityops.app.security.Watermark.ID).queryAll())
          .as("the watermark on the wall's screens")
          .isNotEmpty();
      assertThat(millis).as("switch within 2 s of the case arriving").isLessThan(2000);

      robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.N);
      robot.release(KeyCode.N, KeyCode.ALT, KeyCode.CONTROL);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> wall.mode() == OperatingMode.NORMAL && wall.lastSwitch() != switched);
      assertThat(wall.lastSwitch().change().reason()).isEqualTo(WallModeController.Reason.COMMAND);
      assertThat(robot.lookup("#wall-focus").tryQuery()).isEmpty();
    } finally {
      watcher.close(1000, null);
      http.dispatcher().executorService().shutdown();
    }
  }
}
