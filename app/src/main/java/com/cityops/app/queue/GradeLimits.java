package com.cityops.app.queue;

import com.cityops.api.IncidentLevel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a grade of case may take per step, after the source documents' "秒级响应、分钟派单、小时处置": respond
 * (发现 → 受理/立案), dispatch (→ 派单) and handle (→ 反馈).
 *
 * <p>Defaults ({@link #DEFAULTS}): Ⅰ 30 s / 5 min / 2 h, Ⅱ 60 s / 15 min / 6 h, Ⅲ 3 min / 30 min /
 * 24 h, Ⅳ 5 min / 60 min / 72 h. Ⅰ follows the documents' example (a waterlogging case dispatched
 * to 城管/交通/应急 within 5 minutes, resolved within about 2 hours); each lower grade has roughly twice
 * to three times the time, ending at the street level's usual three working days. Where the backend
 * sets a case's own dispatch or resolve deadline, that deadline wins (the backend is the
 * authority); these limits then only shape the amber threshold and the respond clock, which has no
 * field.
 */
public record GradeLimits(Duration respond, Duration dispatch, Duration handle) {
  public GradeLimits {
    for (Duration d : new Duration[] {respond, dispatch, handle}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "clock limits must be positive, got " + respond + " / " + dispatch + " / " + handle);
      }
    }
  }

  public static final Map<IncidentLevel, GradeLimits> DEFAULTS = defaults();

  /** The limit of one kind of clock. */
  public Duration of(RunningClock.Kind kind) {
    return switch (kind) {
      case RESPOND -> respond;
      case DISPATCH -> dispatch;
      case HANDLE -> handle;
    };
  }

  private static Map<IncidentLevel, GradeLimits> defaults() {
    Map<IncidentLevel, GradeLimits> m = new EnumMap<>(IncidentLevel.class);
    m.put(
        IncidentLevel.I,
        new GradeLimits(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(2)));
    m.put(
        IncidentLevel.II,
        new GradeLimits(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofHours(6)));
    m.put(
        IncidentLevel.III,
        new GradeLimits(Duration.ofMinutes(3), Duration.ofMinutes(30), Duration.ofHours(24)));
    m.put(
        IncidentLevel.IV,
        new GradeLimits(Duration.ofMinutes(5), Duration.ofMinutes(60), Duration.ofHours(72)));
    return Map.copyOf(m);
  }
}
