package com.cityops.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text stays readable in every theme: each colour used for text meets WCAG 2.1 AA (4.5:1) against
 * each background it is drawn on, and the inverse text on each badge colour does too.
 */
class PaletteContrastTest {
  private static final double AA = 4.5;
  private static final Pattern COLOUR = Pattern.compile("(-cc-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})");
  private static final List<String> TEXT =
      List.of(
          "-cc-fg-default",
          "-cc-fg-muted",
          "-cc-accent",
          "-cc-state-warning",
          "-cc-state-alarm",
          "-cc-state-ok",
          "-cc-state-stale",
          "-cc-state-offline",
          "-cc-level-1",
          "-cc-level-2",
          "-cc-level-3",
          "-cc-level-4");
  private static final List<String> BACKGROUNDS =
      List.of("-cc-bg-canvas", "-cc-bg-panel", "-cc-bg-elevated");
  private static final List<String> BADGES =
      List.of(
          "-cc-state-ok",
          "-cc-state-alarm",
          "-cc-state-warning",
          "-cc-state-stale",
          "-cc-state-offline",
          "-cc-accent",
          "-cc-level-1",
          "-cc-level-2",
          "-cc-level-3",
          "-cc-level-4");

  @ParameterizedTest
  @EnumSource(Theme.class)
  void textMeetsWcagAaOnEveryBackground(Theme theme) throws IOException {
    Map<String, String> palette = new HashMap<>();
    Matcher m = COLOUR.matcher(StylesheetTokensTest.css(theme.palette()));
    while (m.find()) {
      palette.put(m.group(1), m.group(2));
    }
    List<String> unreadable = new ArrayList<>();
    for (String fg : TEXT) {
      for (String bg : BACKGROUNDS) {
        check(palette, fg, bg, unreadable);
      }
    }
    for (String badge : BADGES) {
      check(palette, "-cc-fg-inverse", badge, unreadable);
    }
    assertThat(unreadable).as(theme + " pairs below " + AA + ":1").isEmpty();
  }

  private static void check(Map<String, String> palette, String fg, String bg, List<String> out) {
    double ratio = contrast(palette.get(fg), palette.get(bg));
    if (ratio < AA) {
      out.add(String.format("%s on %s = %.2f", fg, bg, ratio));
    }
  }

  /** WCAG 2.1 contrast ratio of two sRGB colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
