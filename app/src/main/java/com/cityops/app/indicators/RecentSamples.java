package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest samples of one indicator for its sparkline and trend: seeded from the history the
 * snapshot carries, then grown by every newer sample the stream brings (the store keeps only the
 * latest value). Holds at most {@link #CAPACITY} samples, oldest first.
 *
 * <p>Not thread-safe (FX thread).
 */
final class RecentSamples {
  static final int CAPACITY = 40;

  private final ArrayList<IndicatorSample> samples = new ArrayList<>(CAPACITY + 1);

  RecentSamples(Indicator indicator) {
    for (IndicatorSample s : indicator.history()) {
      add(s);
    }
    add(new IndicatorSample(indicator.ts(), indicator.value()));
  }

  /** Takes the indicator's latest value; returns whether the samples changed. */
  boolean take(Indicator indicator) {
    return add(new IndicatorSample(indicator.ts(), indicator.value()));
  }

  private boolean add(IndicatorSample sample) {
    if (sample.ts() == null) {
      return false;
    }
    if (!samples.isEmpty() && !sample.ts().isAfter(samples.get(samples.size() - 1).ts())) {
      return false;
    }
    samples.add(sample);
    if (samples.size() > CAPACITY) {
      samples.remove(0);
    }
    return true;
  }

  List<IndicatorSample> samples() {
    return samples;
  }
}
