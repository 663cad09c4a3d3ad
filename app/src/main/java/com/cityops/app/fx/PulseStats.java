package com.cityops.app.fx;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * FX pulse times, for the status endpoint: a ring of the last pulses' durations — the data update
 * run at the pulse's start plus the scene's CSS and layout, the FX-thread work we control (painting
 * happens on the render thread; the frame-time benchmark measures it) — and the worst seen.
 *
 * <p>Thread-safe: recorded on the FX thread, read by the status endpoint.
 */
public final class PulseStats {
  private final long[] nanos = new long[512];
  private int count;
  private int next;
  private long max;

  private long pendingWork;

  /** Adds FX-thread work done earlier in the current pulse (the data update). */
  public synchronized void addWork(long nanos) {
    pendingWork += nanos;
  }

  /** Ends a pulse whose scene work (CSS, layout) took {@code sceneNanos}; records the total. */
  public void pulseEnded(long sceneNanos) {
    long total;
    synchronized (this) {
      total = sceneNanos + pendingWork;
      record(total);
      pendingWork = 0;
    }
    LongConsumer watcher = this.watcher;
    if (watcher != null) {
      watcher.accept(total);
    }
  }

  private volatile LongConsumer watcher;

  /**
   * Also hands every pulse's time (nanoseconds) to {@code watcher}, on the FX thread (benchmarks).
   */
  public void watch(LongConsumer value) {
    this.watcher = value;
  }

  public synchronized void record(long durationNanos) {
    nanos[next] = durationNanos;
    next = (next + 1) % nanos.length;
    count = Math.min(count + 1, nanos.length);
    max = Math.max(max, durationNanos);
  }

  /** p50, p99 and max in milliseconds over the recent pulses (zeros before the first pulse). */
  public synchronized Summary summary() {
    if (count == 0) {
      return new Summary(0, 0, 0, 0);
    }
    long[] recent = Arrays.copyOf(nanos, count);
    Arrays.sort(recent);
    return new Summary(
        count, ms(recent[(count - 1) / 2]), ms(recent[(int) Math.ceil(count * 0.99) - 1]), ms(max));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Pulse figures in milliseconds. */
  public record Summary(int pulses, double p50Ms, double p99Ms, double maxMs) {}
}
