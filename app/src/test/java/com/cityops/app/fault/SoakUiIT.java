package com.cityops.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.app.UiTestSupport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Soak: the whole workstation against the reference backend running its city 60× faster than real
 * time (a simulated hour per real minute), in a process of its own so that only the client is
 * measured. Every 5 s after a warm-up: heap after GC, live threads, open file descriptors, the
 * worst FX pulse. Asserts no growth trend. CI runs the short version (60 s); {@code
 * -Dsoak.seconds=1800} is the 30-minute soak.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SoakUiIT {
  static final int SECONDS = Integer.getInteger("soak.seconds", 60);
  static final int EVERY = 5;

  private SimProcess sim;
  private UiTestSupport.RunningApp app;
  private final Path dataDir = UiTestSupport.tempDir();

  /** One sample: after a forced GC; the worst FX pulse of the 5 s that followed it. */
  record Sample(int at, double heapMib, int threads, long fds, double worstPulseMs) {
    Sample withWorstPulse(double ms) {
      return new Sample(at, heapMib, threads, fds, ms);
    }
  }

  @Start
  void start(Stage stage) throws Exception {
    sim =
        SimProcess.start(
            "--port", "0", "--speed", "60", "--data-dir", dataDir.resolve("sim").toString());
    int port = sim.port();
    app =
        UiTestSupport.open(
            stage,
            "--server",
            "http://127.0.0.1:" + port + "/",
            "--user",
            "operator",
            "--basemap",
            "none",
            "--data-dir",
            dataDir.resolve("client").toString());
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    sim.close();
  }

  @Test
  void holdsSteadyWhileTheCityRunsSixtyTimesFaster(FxRobot robot) throws Exception {
    Label badge = robot.lookup("#feed-badge").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> "实时".equals(badge.getText()));
    Thread.sleep(10_000); // warm-up: caches and JIT settle
    AtomicLong worst = new AtomicLong();
    app.app().pulseStats().watch(n -> worst.accumulateAndGet(n, Math::max));
    List<Sample> samples = new ArrayList<>();
    for (int t = 0; t <= SECONDS; t += EVERY) {
      Sample heap = sample(t);
      worst.set(0); // the forced GC just now paused the FX thread too: not the app's doing
      Thread.sleep(EVERY * 1000L);
      samples.add(heap.withWorstPulse(worst.get() / 1e6));
      assertThat(badge.getText()).as("feed at %d s", t).isEqualTo("实时");
    }
    app.app().pulseStats().watch(null);
    samples.forEach(
        s ->
            System.out.printf(
                "SOAK t=%4ds heap %6.1f MiB threads %3d fds %4d worst pulse %5.1f ms%n",
                s.at(), s.heapMib(), s.threads(), s.fds(), s.worstPulseMs()));
    int third = Math.max(1, samples.size() / 3);
    double early = Trend.median(samples.subList(0, third), Sample::heapMib);
    double late =
        Trend.median(samples.subList(samples.size() - third, samples.size()), Sample::heapMib);
    double slope = Trend.perMinute(samples, Sample::at, Sample::heapMib);
    System.out.printf(
        "SOAK summary: %d s at 60× city time; heap median %.1f → %.1f MiB, trend %.2f MiB/min;"
            + " threads %d → %d; fds %d → %d; worst pulse %.1f ms%n",
        SECONDS,
        early,
        late,
        slope,
        samples.get(0).threads(),
        samples.get(samples.size() - 1).threads(),
        samples.get(0).fds(),
        samples.get(samples.size() - 1).fds(),
        samples.stream().mapToDouble(Sample::worstPulseMs).max().orElse(0));
    assertThat(late).as("heap after GC, late vs early (MiB)").isLessThanOrEqualTo(early * 1.2 + 16);
    assertThat(samples.get(samples.size() - 1).threads())
        .as("live threads")
        .isLessThanOrEqualTo(samples.get(0).threads() + 5);
    assertThat(samples.get(samples.size() - 1).fds())
        .as("open file descriptors")
        .isLessThanOrEqualTo(samples.get(0).fds() + 10);
  }

  private static Sample sample(int at) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long fds;
    try (var list = Files.list(Path.of("/proc/self/fd"))) {
      fds = list.count();
    }
    return new Sample(at, heap, threads, fds, 0);
  }
}
