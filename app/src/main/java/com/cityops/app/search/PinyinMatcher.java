package com.cityops.app.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Turns names into {@link SearchKey}s so that {@code ptq} and {@code putuo} both find 普陀区. Latin
 * letters and digits are kept as they are. A character with several readings gives the name a
 * reading per combination (capped), so 长风 is found as {@code cf} as well as {@code zf}. Keys are
 * cached per name: the city has a few thousand names, each converted once. Thread-safe; call it off
 * the FX thread (the first call loads pinyin4j's table).
 */
public final class PinyinMatcher {
  /** At most this many readings per name (polyphones multiply them). */
  public static final int MAX_READINGS = 8;

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private final ConcurrentMap<String, SearchKey> keys = new ConcurrentHashMap<>();

  public SearchKey keyOf(String name) {
    return keys.computeIfAbsent(name == null ? "" : name, PinyinMatcher::convert);
  }

  private static SearchKey convert(String name) {
    // Each reading so far as (full, initials); a polyphone multiplies them, up to the cap.
    List<StringBuilder[]> readings = new ArrayList<>();
    readings.add(new StringBuilder[] {new StringBuilder(), new StringBuilder()});
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      List<String> syllables = syllables(c);
      if (syllables.isEmpty()) {
        if (Character.isLetterOrDigit(c)) {
          char lower = Character.toLowerCase(c);
          readings.forEach(r -> append(r, String.valueOf(lower)));
        }
        continue;
      }
      List<StringBuilder[]> next = new ArrayList<>();
      for (StringBuilder[] r : readings) {
        for (int k = 0; k < syllables.size(); k++) {
          if (k > 0 && readings.size() * (k + 1) > MAX_READINGS) {
            break; // enough variants: the rest of this name is read the common way
          }
          StringBuilder[] copy = {new StringBuilder(r[0]), new StringBuilder(r[1])};
          append(copy, syllables.get(k));
          next.add(copy);
        }
      }
      readings = next;
    }
    return new SearchKey(
        name.toLowerCase(Locale.ROOT),
        readings.stream()
            .map(r -> new SearchKey.Reading(r[0].toString(), r[1].toString()))
            .distinct()
            .toList());
  }

  private static void append(StringBuilder[] reading, String syllable) {
    reading[0].append(syllable);
    reading[1].append(syllable.charAt(0));
  }

  /** The character's readings without tones, most common first; empty for non-Han characters. */
  private static List<String> syllables(char c) {
    if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
      return List.of();
    }
    try {
      String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      if (readings == null) {
        return List.of();
      }
      return new ArrayList<>(new LinkedHashSet<>(Arrays.asList(readings)));
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException("pinyin4j refused its own output format", e);
    }
  }
}
