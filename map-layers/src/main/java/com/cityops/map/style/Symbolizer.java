package com.cityops.map.style;

/** How a matching feature is drawn (GeoTools' symbolizers, reduced to what the product needs). */
public sealed interface Symbolizer {

  /** Fills polygons. */
  record Fill(Rgba color) implements Symbolizer {}

  /** Outlines polygons and draws lines; width in logical pixels. */
  record Stroke(Rgba color, double width) implements Symbolizer {}

  /** A point symbol; size is the diameter in logical pixels. */
  record Marker(Shape shape, double size, Rgba fill, Rgba stroke) implements Symbolizer {}

  /**
   * A point drawn with an image (PNG on the classpath or a file, by {@code href}), {@code size}
   * logical pixels high; falls back to a {@code fallback} marker when the image cannot be read.
   */
  record Icon(String href, double size, Marker fallback) implements Symbolizer {}

  /**
   * A text label from an attribute, placed at the point or inside the polygon, dropped when it
   * would overlap a label of higher (smaller number) priority.
   */
  record Label(String attribute, double size, Rgba color, Rgba halo, int priority)
      implements Symbolizer {}

  /**
   * Draws a layer's matching features as a density surface instead of one by one: a kernel of
   * {@code radiusPx} logical pixels per point, weighted by {@code weightAttribute} (null: each
   * counts 1), coloured through {@code ramp} (low to high), full colour at {@code normaliseTo} (≤
   * 0: the densest spot in view).
   */
  record Heatmap(
      double radiusPx, String weightAttribute, java.util.List<Rgba> ramp, double normaliseTo)
      implements Symbolizer {
    public Heatmap {
      ramp = java.util.List.copyOf(ramp);
      if (ramp.size() < 2) {
        throw new IllegalArgumentException("a heatmap ramp needs at least 2 colours");
      }
      if (!(radiusPx > 0)) {
        throw new IllegalArgumentException("heatmap radius must be positive, got " + radiusPx);
      }
    }
  }

  /** Marker shapes: distinguishable without colour. */
  enum Shape {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND
  }
}
