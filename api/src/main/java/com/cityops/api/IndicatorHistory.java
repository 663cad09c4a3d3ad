package com.cityops.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /indicators/{id}/history}: samples between {@code from} and {@code to}, oldest first.
 */
public record IndicatorHistory(String id, Instant from, Instant to, List<IndicatorSample> samples) {

  public IndicatorHistory {
    samples = List.copyOf(samples);
  }
}
