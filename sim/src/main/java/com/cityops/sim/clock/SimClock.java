package com.cityops.sim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The city's clock: it starts at a chosen city time and runs {@code speed} times faster than real
 * time. The real time source is injectable so tests step it by hand. Thread-safe.
 */
public final class SimClock {
  private final Instant cityStart;
  private final double speed;
  private final LongSupplier realNanos;
  private final long realStartNanos;

  public SimClock(Instant cityStart, double speed, LongSupplier realNanos) {
    if (!(speed > 0) || speed > 100_000) {
      throw new IllegalArgumentException("speed must be in (0, 100000], got " + speed);
    }
    this.cityStart = cityStart;
    this.speed = speed;
    this.realNanos = realNanos;
    this.realStartNanos = realNanos.getAsLong();
  }

  public static SimClock realTime(Instant cityStart, double speed) {
    return new SimClock(cityStart, speed, System::nanoTime);
  }

  /** The city time now. */
  public Instant now() {
    long elapsedReal = realNanos.getAsLong() - realStartNanos;
    return cityStart.plusNanos((long) (elapsedReal * speed));
  }

  public double speed() {
    return speed;
  }

  /** How much real time passes while the city clock advances by {@code cityDuration}. */
  public Duration realTimeFor(Duration cityDuration) {
    return Duration.ofNanos((long) (cityDuration.toNanos() / speed));
  }
}
