package com.cityops.api;

/** Threshold state of an indicator. */
public enum IndicatorState {
  NORMAL("正常"),
  WARNING("预警"),
  ALARM("告警");

  private final String zhName;

  IndicatorState(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }
}
