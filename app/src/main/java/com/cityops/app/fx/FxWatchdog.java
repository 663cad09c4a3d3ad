package com.cityops.app.fx;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the FX thread from outside: every {@link #EVERY} it hands the FX door a no-op and
 * measures how long that took to run. A wait over {@link #STALL} counts as a stall (reported on the
 * status endpoint); a thread that does not answer for {@code giveUpAfter} is stuck for good: the
 * log gets its stack, and {@code stuck} runs (in kiosk mode: exit, so the service starts the app
 * afresh).
 */
public final class FxWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FxWatchdog.class);
  static final Duration EVERY = Duration.ofMillis(250);
  public static final Duration STALL = Duration.ofMillis(100);

  /** What the watchdog saw: answers, stalls over {@link #STALL}, the longest wait (ms). */
  public record Figures(long answers, long stalls, double longestMs) {}

  private final Executor fx;
  private final LongSupplier nanoClock;
  private final Duration giveUpAfter;
  private final Runnable stuck;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-fx-watchdog"));
  private volatile long askedAt = -1;
  private volatile Thread fxThread;
  private volatile long answers;
  private volatile long stalls;
  private volatile long longestNanos;
  private boolean gaveUp;

  public FxWatchdog(Executor fx, LongSupplier nanoClock, Duration giveUpAfter, Runnable stuck) {
    this.fx = fx;
    this.nanoClock = nanoClock;
    this.giveUpAfter = giveUpAfter;
    this.stuck = stuck;
  }

  public FxWatchdog start() {
    executor.scheduleWithFixedDelay(this::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void check() {
    long now = nanoClock.getAsLong();
    long asked = askedAt;
    if (asked >= 0) { // the last question is still open
      if (!gaveUp && now - asked > giveUpAfter.toNanos()) {
        gaveUp = true;
        Thread t = fxThread;
        StringBuilder stack = new StringBuilder();
        if (t != null) {
          for (StackTraceElement frame : t.getStackTrace()) {
            stack.append("\n    at ").append(frame);
          }
        }
        LOG.error(
            "the FX thread has not answered for {} s; it is stuck at:{}",
            giveUpAfter.toSeconds(),
            stack);
        stuck.run();
      }
      return;
    }
    askedAt = now;
    fx.execute(
        () -> {
          long waited = nanoClock.getAsLong() - askedAt;
          fxThread = Thread.currentThread();
          answers++;
          if (waited > STALL.toNanos()) {
            stalls++;
          }
          if (waited > longestNanos) {
            longestNanos = waited;
          }
          askedAt = -1;
        });
  }

  public Figures figures() {
    return new Figures(answers, stalls, Math.round(longestNanos / 1e5) / 10.0);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
