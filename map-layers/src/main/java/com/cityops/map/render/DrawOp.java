package com.cityops.map.render;

import com.cityops.map.style.Rgba;
import com.cityops.map.style.Symbolizer;

/** One drawing instruction in screen coordinates (logical pixels), toolkit-neutral. */
public sealed interface DrawOp {

  /**
   * Polygon rings or line parts: {@code xy} holds x,y pairs; part {@code i} runs from pair {@code
   * starts[i]} to {@code starts[i+1]} (or the end). Fill is null for lines and unfilled polygons.
   */
  record Path(
      double[] xy,
      int[] starts,
      boolean closed,
      Rgba fill,
      Rgba stroke,
      double width,
      LineStyle line)
      implements DrawOp {
    /** Round caps and joins, no dashes: how the engine's own layers stroke. */
    public Path(double[] xy, int[] starts, boolean closed, Rgba fill, Rgba stroke, double width) {
      this(xy, starts, closed, fill, stroke, width, LineStyle.ROUND);
    }

    public Path {
      line = line == null ? LineStyle.ROUND : line;
    }
  }

  /**
   * How a stroke ends, turns and breaks: {@code dash} alternates drawn and gap lengths in line
   * widths (MapLibre's {@code line-dasharray}), empty for a solid line.
   */
  record LineStyle(Cap cap, Join join, double[] dash) {
    public static final LineStyle ROUND = new LineStyle(Cap.ROUND, Join.ROUND, new double[0]);

    public LineStyle {
      dash = dash == null ? new double[0] : dash.clone();
    }

    public enum Cap {
      BUTT,
      ROUND,
      SQUARE
    }

    public enum Join {
      BEVEL,
      ROUND,
      MITER
    }
  }

  record Marker(double x, double y, Symbolizer.Marker symbol) implements DrawOp {}

  /**
   * Many point symbols of one layer: position {@code i} is {@code xy[2i], xy[2i+1]}, drawn with
   * {@code symbols[symbol[i]]}, in array order. One op per layer instead of one per point keeps a
   * 100,000-point layer's plan to a few arrays.
   */
  record Markers(java.util.List<Symbolizer.Marker> symbols, double[] xy, int[] symbol)
      implements DrawOp {
    public Markers {
      symbols = java.util.List.copyOf(symbols);
    }

    public int count() {
      return symbol.length;
    }

    public double x(int i) {
      return xy[2 * i];
    }

    public double y(int i) {
      return xy[2 * i + 1];
    }

    public Symbolizer.Marker symbolOf(int i) {
      return symbols.get(symbol[i]);
    }
  }

  record Icon(double x, double y, Symbolizer.Icon symbol) implements DrawOp {}

  record Text(double x, double y, String text, Symbolizer.Label style) implements DrawOp {}

  /**
   * A picture computed by the engine (a heatmap) covering {@code x, y, width, height} logical
   * pixels; {@code argbPre} holds {@code pixelWidth × pixelHeight} premultiplied ARGB pixels, row
   * by row, to be scaled smoothly onto that area.
   */
  record Raster(
      double x,
      double y,
      double width,
      double height,
      int pixelWidth,
      int pixelHeight,
      int[] argbPre)
      implements DrawOp {}
}
