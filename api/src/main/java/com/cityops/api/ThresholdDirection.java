package com.cityops.api;

/** Whether an indicator is in trouble when it rises above its thresholds or falls below them. */
public enum ThresholdDirection {
  ABOVE,
  BELOW
}
