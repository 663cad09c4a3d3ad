package com.cityops.map.maplibre;

import com.cityops.map.style.Rgba;
import java.util.Locale;
import java.util.Map;

/**
 * CSS colour strings as MapLibre accepts them: {@code #rgb}, {@code #rgba}, {@code #rrggbb}, {@code
 * #rrggbbaa}, {@code rgb()}, {@code rgba()}, {@code hsl()}, {@code hsla()} (comma or space syntax,
 * percentages, {@code / alpha}) and the common named colours. Hand-written (no maintained Java
 * CSS-colour library is on the classpath); stateless and thread-safe.
 */
public final class Colors {
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("black", "#000000"),
          Map.entry("white", "#ffffff"),
          Map.entry("red", "#ff0000"),
          Map.entry("green", "#008000"),
          Map.entry("lime", "#00ff00"),
          Map.entry("blue", "#0000ff"),
          Map.entry("yellow", "#ffff00"),
          Map.entry("cyan", "#00ffff"),
          Map.entry("aqua", "#00ffff"),
          Map.entry("magenta", "#ff00ff"),
          Map.entry("fuchsia", "#ff00ff"),
          Map.entry("gray", "#808080"),
          Map.entry("grey", "#808080"),
          Map.entry("darkgray", "#a9a9a9"),
          Map.entry("darkgrey", "#a9a9a9"),
          Map.entry("lightgray", "#d3d3d3"),
          Map.entry("lightgrey", "#d3d3d3"),
          Map.entry("dimgray", "#696969"),
          Map.entry("silver", "#c0c0c0"),
          Map.entry("maroon", "#800000"),
          Map.entry("olive", "#808000"),
          Map.entry("navy", "#000080"),
          Map.entry("purple", "#800080"),
          Map.entry("teal", "#008080"),
          Map.entry("orange", "#ffa500"),
          Map.entry("pink", "#ffc0cb"),
          Map.entry("brown", "#a52a2a"),
          Map.entry("gold", "#ffd700"),
          Map.entry("beige", "#f5f5dc"),
          Map.entry("ivory", "#fffff0"),
          Map.entry("khaki", "#f0e68c"),
          Map.entry("salmon", "#fa8072"),
          Map.entry("tan", "#d2b48c"),
          Map.entry("violet", "#ee82ee"),
          Map.entry("indigo", "#4b0082"),
          Map.entry("coral", "#ff7f50"),
          Map.entry("crimson", "#dc143c"),
          Map.entry("darkblue", "#00008b"),
          Map.entry("darkgreen", "#006400"),
          Map.entry("darkred", "#8b0000"),
          Map.entry("lightblue", "#add8e6"),
          Map.entry("lightgreen", "#90ee90"),
          Map.entry("skyblue", "#87ceeb"),
          Map.entry("steelblue", "#4682b4"),
          Map.entry("slategray", "#708090"),
          Map.entry("whitesmoke", "#f5f5f5"),
          Map.entry("transparent", "#00000000"));

  private Colors() {}

  /** The colour, or null when {@code text} is not one (callers say where it came from). */
  public static Rgba parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("#")) {
        if (s.length() == 5) { // #rgba
          s =
              "#"
                  + s.charAt(1)
                  + s.charAt(1)
                  + s.charAt(2)
                  + s.charAt(2)
                  + s.charAt(3)
                  + s.charAt(3)
                  + s.charAt(4)
                  + s.charAt(4);
        }
        return Rgba.hex(s);
      }
      String named = NAMED.get(s);
      if (named != null) {
        return Rgba.hex(named);
      }
      int open = s.indexOf('(');
      if (open < 0 || !s.endsWith(")")) {
        return null;
      }
      String fn = s.substring(0, open).trim();
      String[] parts =
          s.substring(open + 1, s.length() - 1)
              .replace('/', ' ')
              .replace(',', ' ')
              .trim()
              .split(" +");
      if (parts.length != 3 && parts.length != 4) {
        return null;
      }
      double alpha = parts.length == 4 ? clamp(number(parts[3], 1), 0, 1) : 1;
      return switch (fn) {
        case "rgb", "rgba" ->
            new Rgba(channel(parts[0]), channel(parts[1]), channel(parts[2]), alpha);
        case "hsl", "hsla" ->
            hsl(
                Double.parseDouble(parts[0].replace("deg", "")),
                number(parts[1], 100),
                number(parts[2], 100),
                alpha);
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      return null; // NumberFormatException is one: "not a colour" is the answer
    }
  }

  /** HSL (hue in degrees, saturation and lightness 0–1) to RGB, the CSS Color 3 way. */
  static Rgba hsl(double h, double s, double l, double alpha) {
    h = ((h % 360) + 360) % 360 / 360;
    s = clamp(s, 0, 1);
    l = clamp(l, 0, 1);
    double m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
    double m1 = l * 2 - m2;
    return new Rgba(
        (int) Math.round(hue(m1, m2, h + 1 / 3.0) * 255),
        (int) Math.round(hue(m1, m2, h) * 255),
        (int) Math.round(hue(m1, m2, h - 1 / 3.0) * 255),
        alpha);
  }

  private static double hue(double m1, double m2, double h) {
    h = h < 0 ? h + 1 : h > 1 ? h - 1 : h;
    if (h * 6 < 1) {
      return m1 + (m2 - m1) * h * 6;
    }
    if (h * 2 < 1) {
      return m2;
    }
    if (h * 3 < 2) {
      return m1 + (m2 - m1) * (2 / 3.0 - h) * 6;
    }
    return m1;
  }

  private static int channel(String part) {
    double v = part.endsWith("%") ? number(part, 100) * 255 : Double.parseDouble(part);
    return (int) Math.round(clamp(v, 0, 255));
  }

  /** A plain number, or a percentage divided by {@code percentOf}… scaled to 0–1. */
  private static double number(String part, double percentOf) {
    if (part.endsWith("%")) {
      return Double.parseDouble(part.substring(0, part.length() - 1)) / 100;
    }
    double v = Double.parseDouble(part);
    return percentOf == 100 ? v / 100 : v;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
