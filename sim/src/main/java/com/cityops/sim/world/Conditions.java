package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.sim.indicators.CityConditions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Tells the indicators what the city is going through: rain and open cases. */
final class Conditions {
  private Conditions() {}

  static CityConditions of(double rainMmPerHour, Collection<Incident> incidents, Instant now) {
    Map<String, Integer> byDistrict = new HashMap<>();
    int open = 0;
    for (Incident i : incidents) {
      if (i.status().isOpen()) {
        open++;
        byDistrict.merge(i.location().districtCode(), 1, Integer::sum);
      }
    }
    return new CityConditions(rainMmPerHour, open, byDistrict);
  }
}
