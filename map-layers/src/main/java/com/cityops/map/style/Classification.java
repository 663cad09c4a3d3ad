package com.cityops.map.style;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Class breaks for graduated (choropleth) styles — equal interval or quantile over the data's
 * values — and the rules that colour each class from a ramp, e.g. grid cells by incidents per cell.
 * Breaks are ascending edges {@code b0 < b1 < … < bn}; class i covers [b(i), b(i+1)) and the last
 * class also includes its upper edge, so the largest value is coloured. Pure functions.
 */
public final class Classification {

  /** How breaks are placed. */
  public enum Method {
    /** Classes of equal width between the smallest and largest value. */
    EQUAL_INTERVAL,
    /** Classes holding about the same number of values (breaks at the data's quantiles). */
    QUANTILE
  }

  private Classification() {}

  /**
   * The {@code classes + 1} edges (fewer when the data cannot fill that many distinct classes, e.g.
   * quantiles of mostly zeros, or a single distinct value: then one class [v, v]).
   *
   * @throws IllegalArgumentException for no values, a value that is not finite, or classes < 1
   */
  public static double[] breaks(double[] values, int classes, Method method) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, got " + classes);
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot classify: no values");
    }
    double[] sorted = values.clone();
    for (double v : sorted) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("cannot classify a value that is not finite: " + v);
      }
    }
    Arrays.sort(sorted);
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    if (min == max) {
      return new double[] {min, max};
    }
    double[] edges = new double[classes + 1];
    edges[0] = min;
    edges[classes] = max;
    for (int i = 1; i < classes; i++) {
      edges[i] =
          method == Method.EQUAL_INTERVAL
              ? min + (max - min) * i / classes
              : quantile(sorted, (double) i / classes);
    }
    return Arrays.stream(edges).distinct().toArray();
  }

  /** Linear interpolation between closest ranks (R's type 7, the usual spreadsheet definition). */
  private static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** {@code n} colours evenly spaced along a ramp of two or more stops. */
  public static List<Rgba> ramp(List<Rgba> stops, int n) {
    List<Rgba> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(interpolate(stops, n == 1 ? 0 : (double) i / (n - 1)));
    }
    return out;
  }

  /** The ramp's colour at {@code t} (0 = first stop, 1 = last), linear in RGB and alpha. */
  public static Rgba interpolate(List<Rgba> stops, double t) {
    if (stops.size() < 2) {
      throw new IllegalArgumentException(
          "a colour ramp needs at least 2 colours, got " + stops.size());
    }
    double u = Math.max(0, Math.min(1, t)) * (stops.size() - 1);
    int i = Math.min(stops.size() - 2, (int) Math.floor(u));
    double f = u - i;
    Rgba a = stops.get(i);
    Rgba b = stops.get(i + 1);
    return new Rgba(
        (int) Math.round(a.r() + (b.r() - a.r()) * f),
        (int) Math.round(a.g() + (b.g() - a.g()) * f),
        (int) Math.round(a.b() + (b.b() - a.b()) * f),
        a.a() + (b.a() - a.a()) * f);
  }

  /**
   * One rule per class, titled "lo – hi" for the legend, filtered on {@code attribute}, drawn with
   * {@code symbolize}(the class's ramp colour).
   */
  public static List<Rule> rules(
      String attribute,
      double[] breaks,
      List<Rgba> rampStops,
      Function<Rgba, List<Symbolizer>> symbolize) {
    if (breaks.length < 2) {
      throw new IllegalArgumentException("need at least 2 breaks, got " + breaks.length);
    }
    int classes = breaks.length - 1;
    List<Rgba> colours = ramp(rampStops, classes);
    List<Rule> rules = new ArrayList<>(classes);
    for (int i = 0; i < classes; i++) {
      double lo = breaks[i];
      double hi = breaks[i + 1];
      // Filter ranges exclude their maximum; the last class must still show the largest value.
      double upper = i == classes - 1 ? Math.nextUp(hi) : hi;
      rules.add(
          new Rule(
              title(lo, hi),
              Filter.range(attribute, lo, upper),
              0,
              99,
              symbolize.apply(colours.get(i))));
    }
    return rules;
  }

  /** "0 – 5", "2.5 – 7.25": locale-neutral, at most 2 decimals, no trailing zeros. */
  public static String title(double lo, double hi) {
    return number(lo) + " – " + number(hi);
  }

  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    String text = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    return text.equals("-0") ? "0" : text.toLowerCase(Locale.ROOT);
  }
}
