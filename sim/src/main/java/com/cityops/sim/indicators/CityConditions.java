package com.cityops.sim.indicators;

import java.util.Map;

/**
 * What the rest of the simulation tells the indicators: rain, and how many cases are open city-wide
 * and per district.
 */
public record CityConditions(
    double rainMmPerHour, int openIncidents, Map<String, Integer> openByDistrict) {

  public static CityConditions calm() {
    return new CityConditions(0, 0, Map.of());
  }

  int openIn(String districtCode) {
    return districtCode == null ? openIncidents : openByDistrict.getOrDefault(districtCode, 0);
  }
}
