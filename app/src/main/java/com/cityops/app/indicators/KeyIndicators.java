package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key indicators (关键体征) pinned on top until the operator chooses their own: the city-wide
 * headline of each domain — the ones a duty leader asks for first (congestion, rainfall, AQI, power
 * load, open cases, hotline calls …) — and, for a domain none of those names, its first city-wide
 * indicator. Any backend works: unknown ids are simply not there.
 */
final class KeyIndicators {
  /** The reference backend's headline ids, in the order they are shown. */
  static final List<String> HEADLINES =
      List.of(
          "traffic.city_congestion_index.city",
          "flood.city_rainfall.city",
          "flood.tide_wusongkou.city",
          "fire.response_minutes.city",
          "gas.station_pressure.city",
          "env.city_aqi.city",
          "live.city_power_load.city",
          "econ.power_consumption.city",
          "city.open_cases_city.city",
          "hotline.calls_city.city");

  private KeyIndicators() {}

  /** The default pins among {@code held}, in display order. */
  static List<String> defaults(List<Indicator> held) {
    Set<String> ids = new HashSet<>();
    held.forEach(i -> ids.add(i.id()));
    LinkedHashSet<String> chosen = new LinkedHashSet<>();
    Set<IndicatorDomain> covered = EnumSet.noneOf(IndicatorDomain.class);
    for (String id : HEADLINES) {
      if (ids.contains(id)) {
        chosen.add(id);
      }
    }
    held.stream().filter(i -> chosen.contains(i.id())).forEach(i -> covered.add(i.domain()));
    List<Indicator> cityWide = new ArrayList<>();
    for (Indicator i : held) {
      if (i.districtCode() == null && !covered.contains(i.domain())) {
        cityWide.add(i);
      }
    }
    cityWide.sort(Comparator.comparing(Indicator::domain).thenComparing(Indicator::id));
    for (Indicator i : cityWide) {
      if (covered.add(i.domain())) {
        chosen.add(i.id());
      }
    }
    return List.copyOf(chosen);
  }
}
