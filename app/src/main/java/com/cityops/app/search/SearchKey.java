package com.cityops.app.search;

import java.util.List;
import java.util.Locale;

/**
 * What a name is searched by: the text itself (lower case) and its pinyin readings — each as full
 * pinyin without tones and spaces ({@code putuoqu}) and as initials ({@code ptq}). A name with
 * characters of several readings (长: chang/zhang) has a reading per combination, up to {@link
 * PinyinMatcher#MAX_READINGS}. Made once per name, off the FX thread, by {@link
 * PinyinMatcher#keyOf}.
 */
public record SearchKey(String text, List<Reading> readings) {

  /** One way of reading the name aloud. */
  public record Reading(String fullPinyin, String initials) {}

  public SearchKey {
    readings = List.copyOf(readings);
  }

  /** The most common reading's full pinyin. */
  public String fullPinyin() {
    return readings.isEmpty() ? "" : readings.get(0).fullPinyin();
  }

  /** The most common reading's initials. */
  public String initials() {
    return readings.isEmpty() ? "" : readings.get(0).initials();
  }

  /** How well {@code query} (already {@link #normalise}d) matches; 0 for no match. */
  public int score(String query) {
    if (query.isEmpty()) {
      return 0;
    }
    if (text.equals(query)) {
      return 100;
    }
    if (text.startsWith(query)) {
      return 90;
    }
    if (text.contains(query)) {
      return 70;
    }
    if (!isAscii(query)) {
      return 0;
    }
    int best = 0;
    for (Reading r : readings) {
      best = Math.max(best, score(r, query));
    }
    return best;
  }

  private static int score(Reading r, String query) {
    if (r.initials().equals(query)) {
      return 85;
    }
    if (r.initials().startsWith(query)) {
      return 80;
    }
    if (r.fullPinyin().startsWith(query)) {
      return 75;
    }
    if (r.initials().contains(query)) {
      return 55;
    }
    if (r.fullPinyin().contains(query)) {
      return 50;
    }
    return 0;
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** The form queries are compared in: stripped, lower case, without spaces. */
  public static String normalise(String query) {
    return query == null ? "" : query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
  }
}
