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
 * afresh). A stall is logged with where the FX thread was while it kept the watchdog waiting (its
 * stack, taken once mid-stall), at most once per {@link #LOG_EVERY}: what to look at first when a
 * wall hitches.
 */
public final class FxWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FxWatchdog.class);
  static final Duration EVERY = Duration.ofMillis(50);
  static final Duration LOG_EVERY = Duration.ofSeconds(10);
  private static final int FRAMES_LOGGED = 25;
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
  private volatile String stackMidStall;
  private long lastLoggedAt = Long.MIN_VALUE;

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
      } else if (stackMidStall == null && now - asked > STALL.toNanos() / 2) {
        Thread t = fxThread;
        if (t != null) {
          stackMidStall = stackOf(t, FRAMES_LOGGED, now - asked);
        }
      }
      return;
    }
    stackMidStall = null;
    askedAt = now;
    fx.execute(
        () -> {
          long waited = nanoClock.getAsLong() - askedAt;
          fxThread = Thread.currentThread();
          answers++;
          if (waited > STALL.toNanos()) {
            stalls++;
            logStall(waited);
          }
          if (waited > longestNanos) {
            longestNanos = waited;
          }
          askedAt = -1;
        });
  }

  private void logStall(long waitedNanos) {
    long now = nanoClock.getAsLong();
    if (lastLoggedAt != Long.MIN_VALUE && now - lastLoggedAt < LOG_EVERY.toNanos()) {
      return;
    }
    lastLoggedAt = now;
    String stack = stackMidStall;
    LOG.warn(
        "FX thread stall: answered the watchdog after {} ms (stall {} since start){}",
        Math.round(waitedNanos / 1e6),
        stalls,
        stack == null ? "" : "; mid-stall it was at" + stack);
  }

  private static String stackOf(Thread t, int frames, long openNanos) {
    StringBuilder out = new StringBuilder(" (").append(Math.round(openNanos / 1e6)).append(" ms):");
    StackTraceElement[] stack = t.getStackTrace();
    for (int i = 0; i < Math.min(frames, stack.length); i++) {
      out.append("\n    at ").append(stack[i]);
    }
    return out.toString();
  }

  public Figures figures() {
    return new Figures(answers, stalls, Math.round(longestNanos / 1e5) / 10.0);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
