package com.cityops.api;

import java.time.Instant;
import java.util.List;

/**
 * A city vital sign (城市体征指标): its latest value, thresholds, state, and a short recent history for
 * sparklines (full history from {@code GET /indicators/{id}/history}).
 *
 * @param districtCode the district it measures, or null for a city-wide indicator
 */
public record Indicator(
    String id,
    String name,
    IndicatorDomain domain,
    String unit,
    double value,
    Instant ts,
    Threshold threshold,
    IndicatorState state,
    String districtCode,
    List<IndicatorSample> history) {

  public Indicator {
    history = List.copyOf(history);
  }
}
