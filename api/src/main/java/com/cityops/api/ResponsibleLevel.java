package com.cityops.api;

/**
 * Which tier of the three-level platform owns a case: street, department sub-centre, or city
 * centre.
 */
public enum ResponsibleLevel {
  STREET("街镇"),
  DEPARTMENT("部门分中心"),
  CITY("市级中心");

  private final String zhName;

  ResponsibleLevel(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }
}
