package com.cityops.app.fault;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The figures a soak is judged by: medians and a least-squares trend over its samples. */
public final class Trend {
  private Trend() {}

  public static <T> double median(List<T> samples, ToDoubleFunction<T> value) {
    double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  /** The fitted slope of {@code value} over {@code seconds}, per minute. */
  public static <T> double perMinute(
      List<T> samples, ToDoubleFunction<T> seconds, ToDoubleFunction<T> value) {
    double[] x = samples.stream().mapToDouble(seconds).toArray();
    double[] y = samples.stream().mapToDouble(value).toArray();
    double n = x.length;
    double sx = Arrays.stream(x).sum();
    double sy = Arrays.stream(y).sum();
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += x[i] * x[i];
      sxy += x[i] * y[i];
    }
    return (n * sxy - sx * sy) / Math.max(1e-9, n * sxx - sx * sx) * 60;
  }
}
