package com.cityops.map.render;

import com.cityops.map.style.Rgba;
import com.cityops.map.style.Symbolizer;

/** One drawing instruction in screen coordinates (logical pixels), toolkit-neutral. */
public sealed interface DrawOp {

  /**
   * Polygon rings or line parts: {@code xy} holds x,y pairs; part {@code i} runs from pair {@code
   * starts[i]} to {@code starts[i+1]} (or the end). Fill is null for lines and unfilled polygons.
   */
  record Path(double[] xy, int[] starts, boolean closed, Rgba fill, Rgba stroke, double width)
      implements DrawOp {}

  record Marker(double x, double y, Symbolizer.Marker symbol) implements DrawOp {}

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
