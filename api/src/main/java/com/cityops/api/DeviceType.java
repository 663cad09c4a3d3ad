package com.cityops.api;

/** Kinds of field device. Wire values are the lower-case names, e.g. {@code water_level}. */
public enum DeviceType {
  WATER_LEVEL("水位监测", "m"),
  GEOLOGICAL_HAZARD("地质灾害监测", "mm"),
  CAMERA("视频监控", ""),
  GAS("燃气监测", "%LEL"),
  AIR_QUALITY("空气质量", "μg/m³"),
  TRAFFIC_FLOW("交通流量", "辆/h"),
  MANHOLE("井盖监测", "°");

  private final String zhName;
  private final String unit;

  DeviceType(String zhName, String unit) {
    this.zhName = zhName;
    this.unit = unit;
  }

  public String zhName() {
    return zhName;
  }

  /** Unit of the device's readings; empty for devices without a reading (cameras). */
  public String unit() {
    return unit;
  }

  /** The wire code, e.g. {@code water_level}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a wire code; throws with the list of known codes when it is unknown. */
  public static DeviceType ofCode(String code) {
    for (DeviceType type : values()) {
      if (type.code().equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown device type '" + code + "'; known: " + java.util.Arrays.toString(codes()));
  }

  private static String[] codes() {
    return java.util.Arrays.stream(values()).map(DeviceType::code).toArray(String[]::new);
  }
}
