package com.cityops.app.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.fault.AppProcess;
import com.cityops.app.fault.SimProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall of two PCs: two app processes, controller and follower, over the reference backend in a
 * third. A view set on the controller through its remote control reaches the follower through the
 * backend's stream ({@code wall.scene}); the time from the controller showing it (the scene's
 * {@code changedAt}) to the follower showing it is measured (one machine, one clock), and the
 * command's own way to the controller is printed beside it. Then the follower is killed like an
 * unplugged PC, the controller moves on, and the restarted follower catches up.
 */
class WallSyncIT {
  /** What the issue asks: a viewport change on the controller shows on the follower within this. */
  static final long LIMIT_MS = 200;

  private static final String TOKEN = "wall-sync-test-token-0123456789";
  private static final String PANEL = "normal/0";

  /** Each PC's monitor. */
  private static final String SCREEN = "1920x1080";

  /**
   * Between two changes. Here two wall PCs, the backend and the test share 2 cores and paint in
   * software: after a change each PC redraws its map (150–500 ms a frame under that load), and a
   * scene arriving meanwhile waits for the FX thread, which waits for the frame. One change every 2
   * s is an operator's pace; a wall PC has its own cores and a GPU.
   */
  private static final long PAUSE_MS = 2000;

  @TempDir Path dir;
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @Test
  void theFollowerShowsTheControllersViewWithin200msAlsoAfterARestart() throws Exception {
    // Next to no new cases: a new major case would switch the wall to 战时 in the middle of it.
    SimProcess sim =
        SimProcess.start(
            "--port",
            "0",
            "--incidents-per-hour",
            "0.001",
            "--rate",
            "20",
            "--data-dir",
            dir.resolve("sim").toString());
    running.add(sim);
    Path token = Files.writeString(dir.resolve("control-token"), TOKEN);
    AppProcess controller =
        start(
            "controller", sim, "--wall-screens", "left", "--control-token-file", token.toString());
    AppProcess follower =
        start("follower", sim, "--wall-role", "follower", "--wall-screens", "right");
    awaitLive(controller);
    awaitLive(follower);

    HttpResponse<String> normal = controller.post("/control/mode", "{\"mode\":\"normal\"}", TOKEN);
    assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
    HttpResponse<String> refused =
        follower.post("/control/mode", "{\"mode\":\"emergency\"}", TOKEN);
    assertThat(refused.statusCode()).as("a follower has no control API").isEqualTo(404);
    // Without the token, nothing moves.
    HttpResponse<String> wrong = controller.post("/control/view", view(121.5, 31.2, 12), "nope");
    assertThat(wrong.statusCode()).isEqualTo(401);

    // A view change is measured on a settled wall, not on top of a mode switch still being drawn.
    follower.awaitStatus(
        s -> "normal".equals(s.at("/wall/mode").asText()) && s.at("/wall/steady").asBoolean(),
        Duration.ofSeconds(30),
        "the follower in 平时 and steady");
    Thread.sleep(PAUSE_MS);
    List<Long> before = measure(controller, follower, 0, 12);

    follower.kill();
    running.remove(follower);
    double[] moved = target(40);
    assertThat(controller.post("/control/view", view(moved), TOKEN).statusCode()).isEqualTo(200);
    long restarted = System.nanoTime();
    follower = start("follower", sim, "--wall-role", "follower", "--wall-screens", "right");
    awaitLive(follower);
    JsonNode caughtUp =
        follower.awaitStatus(
            s -> shows(s, moved), Duration.ofSeconds(30), "the restarted follower catching up");
    long catchUpMs = (System.nanoTime() - restarted) / 1_000_000;

    List<Long> after = measure(controller, follower, 50, 8);

    System.out.printf(
        Locale.ROOT,
        "wall.scene controller → follower (ms): %s; after the follower's restart: %s;"
            + " the restarted follower showed the controller's view %d ms after it was started"
            + " (mode %s)%n",
        before,
        after,
        catchUpMs,
        caughtUp.at("/wall/mode").asText());
    for (AppProcess app : List.of(controller, follower)) {
      JsonNode st = app.status();
      System.out.printf(
          "FX pulses p50 %s p99 %s max %s ms%n",
          st.path("fxPulseP50Ms"), st.path("fxPulseP99Ms"), st.path("fxPulseMaxMs"));
    }
    List<Long> all = new ArrayList<>(before);
    all.addAll(after);
    List<Long> sorted = all.stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    long worst = sorted.get(sorted.size() - 1);
    System.out.printf(
        Locale.ROOT,
        "wall.scene: median %d ms, 90th percentile %d ms, worst %d ms; %d of %d within %d ms%n",
        median,
        sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
        worst,
        all.stream().filter(ms -> ms <= LIMIT_MS).count(),
        all.size(),
        LIMIT_MS);
    assertThat(median).as("median of %s", all).isLessThanOrEqualTo(LIMIT_MS);
    assertThat(sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1))
        .as("90th percentile of %s", all)
        .isLessThanOrEqualTo(LIMIT_MS);
    assertThat(worst).as("worst of %s", all).isLessThanOrEqualTo(5 * LIMIT_MS);
    assertThat(controller.status().at("/wall/scenesPublished").asLong()).isGreaterThan(20);
    assertThat(controller.status().at("/wall/publishProblem").isTextual())
        .as("a problem")
        .isFalse();
  }

  private AppProcess start(String role, SimProcess sim, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server",
                "http://127.0.0.1:" + sim.port(),
                "--user",
                "wall",
                "--password",
                "wall",
                "--basemap",
                "none",
                "--data-dir",
                dir.resolve(role).toString(),
                "--wall",
                WallLayoutReaderTest.walls().resolve("two-pcs.json").toString()));
    args.addAll(List.of(more));
    AppProcess app =
        AppProcess.onScreen(
            SCREEN,
            dir.resolve(role + "-" + System.nanoTime() + ".log"),
            args.toArray(String[]::new));
    running.add(app);
    return app;
  }

  private static void awaitLive(AppProcess app) throws Exception {
    app.awaitStatus(
        s -> "LIVE".equals(s.path("feedState").asText()) && s.at("/wall/steady").asBoolean(),
        Duration.ofSeconds(90),
        "the feed going live and the wall steady (start-up over, maps drawn) on " + app.log());
  }

  /**
   * {@code count} views set on the controller; for each, ms from the controller showing it (the
   * scene's {@code changedAt}, stamped by the controller) until the follower showed it. The time
   * from the remote-control command to the controller's change is printed apart: it is the control
   * API's, not the wall's.
   */
  private List<Long> measure(AppProcess controller, AppProcess follower, int from, int count)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      double[] target = target(i);
      Instant sent = Instant.now();
      HttpResponse<String> done = controller.post("/control/view", view(target), TOKEN);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      JsonNode shown =
          follower.awaitStatus(s -> shows(s, target), Duration.ofSeconds(5), "view " + i);
      Instant at = Instant.parse(shown.at("/wall/sceneShownAt").asText());
      Instant changed = Instant.parse(shown.at("/wall/sceneChangedAt").asText());
      millis.add(Duration.between(changed, at).toMillis());
      System.out.printf(
          "view %d: command → controller %d ms, controller → follower %d ms (command → follower"
              + " %d ms)%n",
          i,
          Duration.between(sent, changed).toMillis(),
          Duration.between(changed, at).toMillis(),
          Duration.between(sent, at).toMillis());
      Thread.sleep(PAUSE_MS);
    }
    return millis;
  }

  private static double[] target(int i) {
    return new double[] {121.30 + 0.013 * i, 31.10 + 0.007 * i, 10.5 + 0.05 * (i % 20)};
  }

  private static String view(double... lonLatZoom) {
    return String.format(
        Locale.ROOT,
        "{\"panel\":\"%s\",\"lon\":%.6f,\"lat\":%.6f,\"zoom\":%.4f}",
        PANEL,
        lonLatZoom[0],
        lonLatZoom[1],
        lonLatZoom[2]);
  }

  private static boolean shows(JsonNode status, double[] target) {
    for (JsonNode map : status.at("/wall/maps")) {
      if (PANEL.equals(map.path("panel").asText())
          && Math.abs(map.path("lon").asDouble() - target[0]) < 1e-6
          && Math.abs(map.path("lat").asDouble() - target[1]) < 1e-6
          && Math.abs(map.path("zoom").asDouble() - target[2]) < 1e-6) {
        return true;
      }
    }
    return false;
  }
}
