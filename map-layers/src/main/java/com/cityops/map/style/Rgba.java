package com.cityops.map.style;

/** A colour without JavaFX: 0–255 channels and an alpha 0–1. */
public record Rgba(int r, int g, int b, double a) {
  public Rgba {
    if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255 || !(a >= 0 && a <= 1)) {
      throw new IllegalArgumentException("colour out of range: " + r + "," + g + "," + b + "," + a);
    }
  }

  /** {@code #rgb}, {@code #rrggbb} or {@code #rrggbbaa}. */
  public static Rgba hex(String text) {
    String h = text.startsWith("#") ? text.substring(1) : text;
    try {
      if (h.length() == 3) {
        h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
      }
      if (h.length() != 6 && h.length() != 8) {
        throw new NumberFormatException("length " + h.length());
      }
      int r = Integer.parseInt(h.substring(0, 2), 16);
      int g = Integer.parseInt(h.substring(2, 4), 16);
      int b = Integer.parseInt(h.substring(4, 6), 16);
      double a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) / 255.0 : 1;
      return new Rgba(r, g, b, a);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a colour (#rgb, #rrggbb or #rrggbbaa)", e);
    }
  }

  public Rgba withAlpha(double alpha) {
    return new Rgba(r, g, b, alpha);
  }
}
