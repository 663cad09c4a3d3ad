package com.cityops.app.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock a case is running against right now: which step, since when, and until when.
 *
 * @param start when the step began (the case was reported, or entered the stage the step leads
 *     from)
 * @param deadline when the step must be done
 */
public record RunningClock(Kind kind, Instant start, Instant deadline) {
  /** Below this share of its time left a clock turns amber. */
  static final double AMBER_SHARE = 0.25;

  public enum Kind {
    /** 发现 → 受理 (seconds). */
    RESPOND,
    /** → 派单 (minutes). */
    DISPATCH,
    /** → 反馈/结案 (hours). */
    HANDLE
  }

  /** How pressing a clock is; shown with a shape and text as well as a colour. */
  public enum Urgency {
    CALM,
    AMBER,
    RUN_OUT
  }

  /** Time left at {@code now}; negative once run out. */
  public Duration remaining(Instant now) {
    return Duration.between(now, deadline);
  }

  public Urgency urgency(Instant now) {
    long left = remaining(now).toMillis();
    if (left <= 0) {
      return Urgency.RUN_OUT;
    }
    long span = Duration.between(start, deadline).toMillis();
    return span > 0 && left < span * AMBER_SHARE ? Urgency.AMBER : Urgency.CALM;
  }

  public boolean runOut(Instant now) {
    return !now.isBefore(deadline);
  }
}
