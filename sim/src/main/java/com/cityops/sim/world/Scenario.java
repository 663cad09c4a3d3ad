package com.cityops.sim.world;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the weather and the city are doing. {@code RAINSTORM} follows a storm profile from the
 * moment it starts: rain builds for 20 minutes to 70 mm/h (above the 36 mm/h the drains carry),
 * holds for an hour, then eases off over 40 minutes.
 */
public enum Scenario {
  NORMAL,
  RAINSTORM;

  public static Scenario parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown scenario '"
              + name
              + "'; known: "
              + Arrays.stream(values()).map(Scenario::wireName).toList(),
          e);
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Rain intensity (mm/h) this long after the scenario started. */
  public double rainfallMmPerHour(Duration sinceStart) {
    if (this == NORMAL) {
      return 0;
    }
    double m = sinceStart.toSeconds() / 60.0;
    double peak = 70;
    if (m < 0) {
      return 0; // before the storm (e.g. the warm-up hours)
    }
    if (m < 20) {
      return peak * m / 20;
    }
    if (m < 80) {
      return peak;
    }
    if (m < 120) {
      return peak * (120 - m) / 40;
    }
    return 0;
  }
}
