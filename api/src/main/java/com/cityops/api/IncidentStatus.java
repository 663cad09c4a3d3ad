package com.cityops.api;

/**
 * The closed loop every case runs through: 发现 → 立案 → 派单 → 处置 → 反馈 → 核查 → 结案. The order of the
 * constants is the order of the loop.
 */
public enum IncidentStatus {
  DISCOVERED("发现"),
  REGISTERED("立案"),
  DISPATCHED("派单"),
  HANDLING("处置"),
  FEEDBACK("反馈"),
  VERIFYING("核查"),
  CLOSED("结案");

  private final String zhName;

  IncidentStatus(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }

  public boolean isOpen() {
    return this != CLOSED;
  }
}
