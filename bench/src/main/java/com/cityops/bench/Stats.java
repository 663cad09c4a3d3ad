package com.cityops.bench;

import java.util.Arrays;

/** Percentiles and medians of measured samples. Stateless. */
final class Stats {
  private Stats() {}

  /** The {@code q} quantile (nearest rank) of sorted samples; 0 when there are none. */
  static long pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1))];
  }

  /** The first {@code n} samples, sorted (a copy). */
  static long[] sorted(long[] samples, int n) {
    long[] copy = Arrays.copyOf(samples, Math.min(n, samples.length));
    Arrays.sort(copy);
    return copy;
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** The median (mean of the middle two for an even count); NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
