package com.cityops.themes;

import java.util.Arrays;
import java.util.Locale;

/**
 * The colour schemes: dark for walls and control rooms, light for desks, high contrast for
 * accessibility.
 */
public enum Theme {
  DARK("palette-dark.css"),
  LIGHT("palette-light.css"),
  HIGH_CONTRAST("palette-high-contrast.css");

  private final String palette;

  Theme(String palette) {
    this.palette = palette;
  }

  String palette() {
    return palette;
  }

  /** Parses {@code dark}, {@code light} or {@code high-contrast}; throws listing them otherwise. */
  public static Theme parse(String name) {
    String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Theme theme : values()) {
      if (theme.name().equals(key)) {
        return theme;
      }
    }
    throw new IllegalArgumentException(
        "unknown theme '"
            + name
            + "'; known: "
            + Arrays.stream(values())
                .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList());
  }
}
