package com.cityops.sim.indicators;

/** The shape of an indicator's day, as a factor in [0, 1] of its daily amplitude. */
public enum DailyProfile {
  /** Morning (08:00) and evening (18:00) rush hours. */
  COMMUTE,
  /** Busy in office hours, quiet at night. */
  DAYTIME,
  /** Highest mid-afternoon (power load, heat). */
  AFTERNOON_PEAK,
  /** Highest in the evening (noise, catering). */
  EVENING_PEAK,
  /** Highest at night, when demand is low (water pressure). */
  NIGHT_HIGH,
  /** No daily rhythm. */
  FLAT;

  public double factor(double hourOfDay) {
    return switch (this) {
      case COMMUTE -> Math.max(bump(hourOfDay, 8.2, 1.2), bump(hourOfDay, 18.0, 1.4));
      case DAYTIME -> bump(hourOfDay, 14, 4.0);
      case AFTERNOON_PEAK -> bump(hourOfDay, 15, 3.0);
      case EVENING_PEAK -> bump(hourOfDay, 20.5, 2.5);
      case NIGHT_HIGH -> 1 - bump(hourOfDay, 13, 5.0);
      case FLAT -> 0;
    };
  }

  private static double bump(double hour, double centre, double width) {
    double d = Math.abs(hour - centre);
    d = Math.min(d, 24 - d);
    return Math.exp(-(d * d) / (2 * width * width));
  }
}
