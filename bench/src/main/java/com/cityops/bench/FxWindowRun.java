package com.cityops.bench;

import com.cityops.app.fx.FxPlatform;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * One candidate of a window workload, in this JVM (a child of {@link ChildRuns}): a real window of
 * the given size, fed by the candidate while every pulse is timed. Per pulse:
 *
 * <ul>
 *   <li><b>frame interval</b> — pulse to pulse, from an animation timer started before anything
 *       else (so it opens every pulse); 60 Hz is 16.7 ms;
 *   <li><b>FX work</b> — from that timer to the end of layout: the door's queued updates, the
 *       candidate's own timers, CSS and layout (what the app's status endpoint calls "FX pulse");
 *   <li>from JFR: "Painting" on the render thread and "Waiting for previous rendering".
 * </ul>
 *
 * Over the measured window also the CPU used: this process (all its threads) and the X server, in
 * cores (1.0 = one core busy), and other processes' CPU as the noise indicator.
 */
final class FxWindowRun {
  /** What a candidate shows and how it is fed. */
  interface Subject {
    /** The window's content (FX thread). */
    Parent root();

    /** Starts feeding updates (called once the window pulses; any thread). */
    void start();

    /** Tells the subject whether the measured window is open (any thread). */
    default void measuring(boolean on) {}

    /** Stops feeding (any thread). */
    void stop() throws InterruptedException;

    /**
     * Runs once after feeding stopped, with the window still pulsing (calling thread; use the FX
     * thread for the scene); returns more figures.
     */
    default Map<String, Object> after() throws Exception {
      return Map.of();
    }

    /** The subject's own figures (FX thread, after the measured window). */
    Map<String, Object> figures(double seconds);
  }

  private final long[] intervals = new long[100_000];
  private final long[] work = new long[100_000];
  private int frames;
  private int works;
  private long lastPulse;
  private long pulseStart;
  private volatile long pulses;
  private volatile boolean measuring;

  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          long t = System.nanoTime();
          pulseStart = t;
          if (measuring && lastPulse != 0 && frames < intervals.length) {
            intervals[frames++] = t - lastPulse;
          }
          lastPulse = t;
          pulses++;
        }
      };

  /**
   * Shows the subject made by {@code factory} (on the FX thread) in a {@code width × height}
   * window, feeds it for {@code warmup} s, then measures for {@code seconds} s.
   *
   * @param ourTheme apply the app's theme stylesheets to the scene (ours; not the peers')
   */
  static Map<String, Object> measure(
      Supplier<Subject> factory, int width, int height, boolean ourTheme, int warmup, int seconds)
      throws Exception {
    return new FxWindowRun().run(factory, width, height, ourTheme, warmup, seconds);
  }

  private Map<String, Object> run(
      Supplier<Subject> factory, int width, int height, boolean ourTheme, int warmup, int seconds)
      throws Exception {
    PulsePhases jfr = PulsePhases.start();
    CompletableFuture<Subject> shown = new CompletableFuture<>();
    long t0 = System.nanoTime();
    FxPlatform.start(
        () -> {
          try {
            timer.start();
            Subject s = factory.get();
            Stage stage = new Stage(StageStyle.UNDECORATED);
            Scene scene = new Scene(s.root(), width, height);
            if (ourTheme) {
              Themes.apply(scene, Theme.parse("dark"));
            }
            scene.addPostLayoutPulseListener(
                () -> {
                  if (measuring && works < work.length) {
                    work[works++] = System.nanoTime() - pulseStart;
                  }
                });
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            shown.complete(s);
          } catch (Throwable t) {
            shown.completeExceptionally(t);
          }
        });
    Subject s = shown.get(300, TimeUnit.SECONDS);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (pulses < 5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    s.start();
    Thread.sleep(warmup * 1000L);
    String loadBefore = Machine.loadavg();
    long[] ticks0 = Machine.cpuTicks();
    long cpu0 = Machine.processCpuNanos();
    Instant from = Instant.now();
    long m0 = System.nanoTime();
    s.measuring(true);
    measuring = true;
    Thread.sleep(seconds * 1000L);
    measuring = false;
    s.measuring(false);
    double elapsed = (System.nanoTime() - m0) / 1e9;
    long cpu1 = Machine.processCpuNanos();
    long[] ticks1 = Machine.cpuTicks();
    Instant to = Instant.now();
    s.stop();
    Map<String, Object> after = s.after();

    CompletableFuture<Map<String, Object>> own = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          timer.stop();
          try {
            own.complete(s.figures(elapsed));
          } catch (Throwable t) {
            own.completeExceptionally(t);
          }
        });
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("build_s", buildSeconds);
    long[] iv = Stats.sorted(intervals, frames);
    long[] wk = Stats.sorted(work, works);
    f.put("pulses", frames);
    f.put("pulses_per_s", frames / elapsed);
    f.put("frame_interval_p50", Stats.ms(Stats.pct(iv, 0.50)));
    f.put("frame_interval_p99", Stats.ms(Stats.pct(iv, 0.99)));
    f.put("frame_interval_max", Stats.ms(Stats.pct(iv, 1)));
    f.put("fx_work_p50", Stats.ms(Stats.pct(wk, 0.50)));
    f.put("fx_work_p99", Stats.ms(Stats.pct(wk, 0.99)));
    f.put("fx_work_max", Stats.ms(Stats.pct(wk, 1)));
    f.putAll(own.get(60, TimeUnit.SECONDS));
    f.putAll(after);
    double[] cores = Machine.cores(ticks0, ticks1, elapsed);
    f.put("process_cpu_cores", (cpu1 - cpu0) / 1e9 / elapsed);
    f.put("xvfb_cpu_cores", cores[1]);
    f.put("other_cpu_cores", cores[2]);
    f.put("loadavg_before", loadBefore);
    f.put("loadavg_after", Machine.loadavg());
    f.putAll(jfr.stop(from, to));
    System.gc();
    Runtime rt = Runtime.getRuntime();
    f.put("heap_after_gc_mib", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    f.put("javafx", Machine.javafxVersion());
    f.put("pipeline", Machine.pipeline());
    Platform.runLater(Platform::exit);
    return f;
  }
}
