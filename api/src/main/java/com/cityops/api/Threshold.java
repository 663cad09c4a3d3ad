package com.cityops.api;

/**
 * Warning and alarm limits of an indicator. For {@link ThresholdDirection#ABOVE} the alarm limit is
 * at or above the warning limit; for {@link ThresholdDirection#BELOW} at or below it.
 */
public record Threshold(double warning, double alarm, ThresholdDirection direction) {

  public Threshold {
    boolean ordered = direction == ThresholdDirection.ABOVE ? alarm >= warning : alarm <= warning;
    if (!ordered) {
      throw new IllegalArgumentException(
          "alarm limit " + alarm + " is not beyond warning limit " + warning + " for " + direction);
    }
  }

  /** The state a value puts the indicator in. */
  public IndicatorState classify(double value) {
    if (direction == ThresholdDirection.ABOVE) {
      return value >= alarm
          ? IndicatorState.ALARM
          : value >= warning ? IndicatorState.WARNING : IndicatorState.NORMAL;
    }
    return value <= alarm
        ? IndicatorState.ALARM
        : value <= warning ? IndicatorState.WARNING : IndicatorState.NORMAL;
  }
}
