package com.cityops.app.indicators;

import com.cityops.api.IndicatorSample;
import java.util.List;

/**
 * Which way an indicator is heading, read from its recent samples: the mean of the newest third
 * against the mean of the third before it. A move smaller than 1 % of the values' magnitude (or of
 * their spread, whichever is larger) is noise and reads as steady, so a tile's arrow does not
 * flicker with every sample.
 */
public enum Trend {
  UP("↑"),
  DOWN("↓"),
  STEADY("→");

  private static final double NOISE = 0.01;

  private final String arrow;

  Trend(String arrow) {
    this.arrow = arrow;
  }

  public String arrow() {
    return arrow;
  }

  /** The trend of samples given oldest first; fewer than two samples read as steady. */
  public static Trend of(List<IndicatorSample> samples) {
    int n = samples.size();
    if (n < 2) {
      return STEADY;
    }
    int third = Math.max(1, n / 3);
    double recent = mean(samples, n - third, n);
    double before = mean(samples, Math.max(0, n - 2 * third), n - third);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (IndicatorSample s : samples) {
      min = Math.min(min, s.value());
      max = Math.max(max, s.value());
    }
    double scale = Math.max(Math.max(Math.abs(min), Math.abs(max)), max - min);
    double delta = recent - before;
    if (scale == 0 || Math.abs(delta) < NOISE * scale) {
      return STEADY;
    }
    return delta > 0 ? UP : DOWN;
  }

  private static double mean(List<IndicatorSample> samples, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += samples.get(i).value();
    }
    return sum / (to - from);
  }
}
