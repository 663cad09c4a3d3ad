package com.cityops.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * One figure measured once per round: the median is what a run reports, min and max how much the
 * rounds varied. Not thread-safe.
 */
final class Samples {
  private double[] values = new double[8];
  private int n;

  void add(double v) {
    if (n == values.length) {
      values = Arrays.copyOf(values, 2 * n);
    }
    values[n++] = v;
  }

  /** The newest value (for progress lines). */
  double last() {
    return n == 0 ? Double.NaN : values[n - 1];
  }

  int count() {
    return n;
  }

  double median() {
    if (n == 0) {
      return Double.NaN;
    }
    double[] s = sorted();
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  double min() {
    return n == 0 ? Double.NaN : sorted()[0];
  }

  double max() {
    return n == 0 ? Double.NaN : sorted()[n - 1];
  }

  /** Puts this spread (min, max, rounds) on a results entry; answers the entry. */
  Map<String, Object> onto(Map<String, Object> entry) {
    return Results.spread(entry, min(), max(), n);
  }

  private double[] sorted() {
    double[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    return s;
  }
}
