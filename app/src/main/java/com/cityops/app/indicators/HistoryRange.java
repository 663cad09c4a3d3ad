package com.cityops.app.indicators;

import com.cityops.api.IndicatorSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The spans the history chart offers, and how a long history is thinned for drawing. */
enum HistoryRange {
  HOUR(Duration.ofHours(1), "1h"),
  SIX_HOURS(Duration.ofHours(6), "6h"),
  DAY(Duration.ofHours(24), "24h"),
  WEEK(Duration.ofDays(7), "7d");

  /** More points than a chart a few hundred pixels wide can show only cost. */
  static final int MAX_POINTS = 480;

  private final Duration span;
  private final String key;

  HistoryRange(Duration span, String key) {
    this.span = span;
    this.key = key;
  }

  Duration span() {
    return span;
  }

  /** The message key suffix, e.g. {@code indicator.range.6h}. */
  String key() {
    return key;
  }

  /**
   * At most {@code maxPoints} samples, oldest first: the samples themselves when few enough, else
   * the lowest and the highest of each equal-count bucket in time order, so a short spike across a
   * threshold still shows.
   */
  static List<IndicatorSample> thin(List<IndicatorSample> samples, int maxPoints) {
    int n = samples.size();
    if (n <= maxPoints) {
      return samples;
    }
    int buckets = Math.max(1, maxPoints / 2);
    List<IndicatorSample> out = new ArrayList<>(2 * buckets);
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      IndicatorSample lo = samples.get(from);
      IndicatorSample hi = lo;
      for (int i = from + 1; i < to; i++) {
        IndicatorSample s = samples.get(i);
        if (s.value() < lo.value()) {
          lo = s;
        }
        if (s.value() > hi.value()) {
          hi = s;
        }
      }
      if (lo == hi) {
        out.add(lo);
      } else if (lo.ts().isBefore(hi.ts())) {
        out.add(lo);
        out.add(hi);
      } else {
        out.add(hi);
        out.add(lo);
      }
    }
    return out;
  }
}
