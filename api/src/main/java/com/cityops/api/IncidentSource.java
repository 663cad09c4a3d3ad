package com.cityops.api;

/**
 * Where a case was discovered. Wire values are the lower-case names, e.g. {@code hotline_12345}.
 */
public enum IncidentSource {
  HOTLINE_12345("12345热线"),
  GRID_PATROL("网格巡查"),
  IOT_SENSOR("物联感知"),
  VIDEO_AI("视频智能识别"),
  DEPARTMENT_REPORT("部门上报");

  private final String zhName;

  IncidentSource(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }
}
