package com.cityops.api;

/** The centre's mode: peacetime (平时) or emergency (战时). */
public enum OperatingMode {
  NORMAL("平时"),
  EMERGENCY("战时");

  private final String zhName;

  OperatingMode(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }
}
