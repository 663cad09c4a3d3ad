package com.cityops.api;

/** The domains the city's vital signs (城市体征) are grouped by. */
public enum IndicatorDomain {
  TRAFFIC("交通"),
  FLOOD_CONTROL("防汛防台"),
  FIRE("消防"),
  GAS("燃气"),
  ENVIRONMENT("环境"),
  LIVELIHOOD("民生"),
  ECONOMY("经济运行"),
  CITY_MANAGEMENT("城市管理"),
  HOTLINE("12345热线");

  private final String zhName;

  IndicatorDomain(String zhName) {
    this.zhName = zhName;
  }

  public String zhName() {
    return zhName;
  }
}
