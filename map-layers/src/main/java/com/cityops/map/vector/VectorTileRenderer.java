package com.cityops.map.vector;

import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.maplibre.Expression;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.maplibre.Sprite;
import com.cityops.map.maplibre.StyleProblems;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws one vector tile with a {@link MapLibreStyle}: the style's layers in order become the
 * engine's {@link RenderPlan} (fills and lines as paths, circles as markers, symbol text as
 * labels), which {@link PlanRasterizer} paints. The style is evaluated at the tile's zoom; a tile
 * is {@code tileSize} logical pixels square (256 or 512) and the image {@code tileSize × scale}
 * device pixels. Labels go at the point, the polygon's interior point or the line's middle vertex,
 * are dropped when they would overlap an earlier label or leave the tile (no cross-tile placement),
 * and are drawn with the rasteriser's CJK font.
 *
 * <p>Raster layers draw the raster pixels given for their source; symbol icons come from the {@link
 * Sprite} (centred on the anchor, the text under them unless {@code text-offset} says otherwise;
 * icon and text are placed together or dropped together). Not drawn (reported once each to the
 * style's {@link StyleProblems}): icons missing from the sprite, anything the style reader already
 * reported.
 *
 * <p>Thread-safe: tiles may be rendered in parallel with one instance.
 */
public final class VectorTileRenderer {
  private final MapLibreStyle style;
  private final PlanRasterizer rasterizer;
  private final Sprite sprite;

  public VectorTileRenderer(MapLibreStyle style, PlanRasterizer rasterizer) {
    this(style, rasterizer, null);
  }

  /** With the style's sprite for {@code icon-image} (null: icons are left out, said once). */
  public VectorTileRenderer(MapLibreStyle style, PlanRasterizer rasterizer, Sprite sprite) {
    this.style = style;
    this.rasterizer = rasterizer;
    this.sprite = sprite;
  }

  public StyleProblems problems() {
    return style.problems();
  }

  /** Renders {@code tile} whose vector data per style source id is in {@code tiles}. */
  public BufferedImage render(
      TileId tile, Map<String, VectorTile> tiles, int tileSize, double scale) {
    return rasterizer.render(plan(tile, tiles, tileSize), scale, null);
  }

  /** The draw operations for one tile, per style layer in style order. */
  public RenderPlan plan(TileId tile, Map<String, VectorTile> tiles, int tileSize) {
    return plan(tile, tile.z(), tiles, Map.of(), tileSize);
  }

  /**
   * The draw operations for one tile shown at {@code zoom} (the view's zoom, which may lie between
   * levels: paint properties are evaluated there) and {@code tileSize} logical pixels: vector data
   * per source id in {@code tiles}, raster sources' pixels in {@code rasters}, each covering the
   * tile square.
   */
  public RenderPlan plan(
      TileId tile,
      double zoom,
      Map<String, VectorTile> tiles,
      Map<String, DrawOp.Raster> rasters,
      double tileSize) {
    if (!(tileSize > 0)) {
      throw new IllegalArgumentException("tile size must be positive, got " + tileSize);
    }
    Labels labels = new Labels(tileSize);
    List<RenderPlan.LayerOps> out = new ArrayList<>();
    for (MapLibreStyle.Layer layer : style.layers()) {
      if (!layer.visibleAt(zoom)) {
        continue;
      }
      List<DrawOp> ops = new ArrayList<>();
      double opacity = 1;
      if (layer.type() == MapLibreStyle.Layer.Type.BACKGROUND) {
        background(layer, zoom, tileSize, ops);
      } else if (layer.type() == MapLibreStyle.Layer.Type.RASTER) {
        DrawOp.Raster raster = rasters.get(layer.source());
        if (raster != null) {
          ops.add(raster);
          opacity =
              Expression.number(
                  layer.property("paint", "raster-opacity").evaluate(Expression.Context.zoom(zoom)),
                  1);
        }
      } else {
        VectorTile data = tiles.get(layer.source());
        // A GeoJSON source's one layer has no source-layer in the style; it bears the source's id.
        String name = layer.sourceLayer() != null ? layer.sourceLayer() : layer.source();
        VectorTile.Layer source = data == null ? null : data.layer(name);
        if (source != null) {
          features(layer, source, zoom, tileSize, labels, ops);
        }
      }
      if (!ops.isEmpty()) {
        out.add(new RenderPlan.LayerOps(layer.id(), Math.max(0, Math.min(1, opacity)), ops));
      }
    }
    return new RenderPlan(viewport(tile, tileSize), out, null);
  }

  /** A viewport showing exactly the tile (Viewport zoom 0 is a 256 px world). */
  static Viewport viewport(TileId tile, double tileSize) {
    double span = 2 * WebMercator.HALF_WORLD / (1 << tile.z());
    double cx = -WebMercator.HALF_WORLD + (tile.x() + 0.5) * span;
    double cy = WebMercator.HALF_WORLD - (tile.y() + 0.5) * span;
    double zoom = tile.z() + Math.log(tileSize / 256.0) / Math.log(2);
    return new Viewport(cx, cy, zoom, tileSize, tileSize);
  }

  private static void background(
      MapLibreStyle.Layer layer, double zoom, double size, List<DrawOp> ops) {
    Expression.Context ctx = Expression.Context.zoom(zoom);
    Rgba colour =
        faded(
            Expression.color(layer.property("paint", "background-color").evaluate(ctx)),
            Expression.number(layer.property("paint", "background-opacity").evaluate(ctx), 1));
    if (colour != null) {
      ops.add(
          new DrawOp.Path(
              new double[] {0, 0, size, 0, size, size, 0, size},
              new int[] {0},
              true,
              colour,
              null,
              0));
    }
  }

  private void features(
      MapLibreStyle.Layer layer,
      VectorTile.Layer source,
      double zoom,
      double size,
      Labels labels,
      List<DrawOp> ops) {
    double k = size / (double) source.extent();
    for (VectorTile.Feature feature : source.features()) {
      Expression.Context ctx =
          new Expression.Context(
              zoom, feature.properties(), typeName(feature.type()), feature.id());
      try {
        if (layer.filter() != null && !Boolean.TRUE.equals(layer.filter().evaluate(ctx))) {
          continue;
        }
        switch (layer.type()) {
          case FILL -> fill(layer, feature, ctx, k, ops);
          case LINE -> line(layer, feature, ctx, k, ops);
          case CIRCLE -> circle(layer, feature, ctx, k, ops);
          case SYMBOL -> symbol(layer, feature, ctx, k, labels, ops);
          default -> {}
        }
      } catch (RuntimeException e) {
        // A value the style computes that cannot be drawn (a colour out of range, …): said once,
        // this feature left out, the rest of the layer drawn.
        problems().report(layer.id(), "evaluation", "cannot draw a feature: " + e.getMessage());
      }
    }
  }

  private static void fill(
      MapLibreStyle.Layer layer,
      VectorTile.Feature f,
      Expression.Context ctx,
      double k,
      List<DrawOp> ops) {
    if (f.type() != VectorTile.GeomType.POLYGON) {
      return;
    }
    double opacity = Expression.number(layer.property("paint", "fill-opacity").evaluate(ctx), 1);
    Rgba fill =
        faded(Expression.color(layer.property("paint", "fill-color").evaluate(ctx)), opacity);
    Rgba outline =
        faded(
            Expression.color(layer.property("paint", "fill-outline-color").evaluate(ctx)), opacity);
    if (fill == null && outline == null) {
      return;
    }
    ops.add(path(rings(f.geometry()), true, k, fill, outline, outline == null ? 0 : 1));
  }

  private static void line(
      MapLibreStyle.Layer layer,
      VectorTile.Feature f,
      Expression.Context ctx,
      double k,
      List<DrawOp> ops) {
    if (f.type() == VectorTile.GeomType.POINT) {
      return;
    }
    Rgba colour =
        faded(
            Expression.color(layer.property("paint", "line-color").evaluate(ctx)),
            Expression.number(layer.property("paint", "line-opacity").evaluate(ctx), 1));
    double width = Expression.number(layer.property("paint", "line-width").evaluate(ctx), 1);
    if (colour == null || !(width > 0)) {
      return;
    }
    boolean polygon = f.type() == VectorTile.GeomType.POLYGON;
    DrawOp.Path shape =
        path(polygon ? rings(f.geometry()) : lines(f.geometry()), polygon, k, null, colour, width);
    ops.add(
        new DrawOp.Path(
            shape.xy(), shape.starts(), polygon, null, colour, width, lineStyle(layer, ctx)));
  }

  /** {@code line-cap}, {@code line-join} (spec defaults butt, miter) and {@code line-dasharray}. */
  private static DrawOp.LineStyle lineStyle(MapLibreStyle.Layer layer, Expression.Context ctx) {
    DrawOp.LineStyle.Cap cap =
        switch (String.valueOf(layer.property("layout", "line-cap").evaluate(ctx))) {
          case "round" -> DrawOp.LineStyle.Cap.ROUND;
          case "square" -> DrawOp.LineStyle.Cap.SQUARE;
          default -> DrawOp.LineStyle.Cap.BUTT;
        };
    DrawOp.LineStyle.Join join =
        switch (String.valueOf(layer.property("layout", "line-join").evaluate(ctx))) {
          case "round" -> DrawOp.LineStyle.Join.ROUND;
          case "bevel" -> DrawOp.LineStyle.Join.BEVEL;
          default -> DrawOp.LineStyle.Join.MITER;
        };
    double[] dash = new double[0];
    if (layer.paint().containsKey("line-dasharray")
        && layer.property("paint", "line-dasharray").evaluate(ctx) instanceof List<?> values) {
      dash = new double[values.size()];
      for (int i = 0; i < dash.length; i++) {
        dash[i] = Expression.number(values.get(i), 0);
      }
    }
    return new DrawOp.LineStyle(cap, join, dash);
  }

  private static void circle(
      MapLibreStyle.Layer layer,
      VectorTile.Feature f,
      Expression.Context ctx,
      double k,
      List<DrawOp> ops) {
    if (f.type() != VectorTile.GeomType.POINT) {
      return;
    }
    double opacity = Expression.number(layer.property("paint", "circle-opacity").evaluate(ctx), 1);
    double radius = Expression.number(layer.property("paint", "circle-radius").evaluate(ctx), 5);
    Rgba fill =
        faded(Expression.color(layer.property("paint", "circle-color").evaluate(ctx)), opacity);
    double strokeWidth =
        Expression.number(layer.property("paint", "circle-stroke-width").evaluate(ctx), 0);
    Rgba stroke =
        strokeWidth > 0
            ? Expression.color(layer.property("paint", "circle-stroke-color").evaluate(ctx))
            : null;
    if (!(radius > 0) || fill == null && stroke == null) {
      return;
    }
    Symbolizer.Marker marker =
        new Symbolizer.Marker(Symbolizer.Shape.CIRCLE, 2 * radius, fill, stroke);
    for (Coordinate c : f.geometry().getCoordinates()) {
      ops.add(new DrawOp.Marker(c.x * k, c.y * k, marker));
    }
  }

  private void symbol(
      MapLibreStyle.Layer layer,
      VectorTile.Feature f,
      Expression.Context ctx,
      double k,
      Labels labels,
      List<DrawOp> ops) {
    Coordinate anchor = anchor(f);
    if (anchor == null) {
      return;
    }
    double x = anchor.x * k;
    double y = anchor.y * k;
    DrawOp.Raster icon = layer.layout().containsKey("icon-image") ? icon(layer, ctx, x, y) : null;
    Object field = layer.property("layout", "text-field").evaluate(ctx);
    String text = field == null ? "" : Expression.text(field).strip();
    if (icon == null && text.isEmpty()) {
      return;
    }
    double size = Expression.number(layer.property("layout", "text-size").evaluate(ctx), 16);
    double ty = y;
    double tx = x;
    if (layer.layout().containsKey("text-offset")
        && layer.property("layout", "text-offset").evaluate(ctx) instanceof List<?> offset
        && offset.size() == 2) {
      tx += size * Expression.number(offset.get(0), 0);
      ty += size * Expression.number(offset.get(1), 0);
    } else if (icon != null && !text.isEmpty()) {
      ty = icon.y() + icon.height() + size * 0.65; // the name under its icon
    }
    // Icon and text are placed together or not at all, as in MapLibre's default.
    double[] iconBox =
        icon == null
            ? null
            : new double[] {icon.x(), icon.y(), icon.x() + icon.width(), icon.y() + icon.height()};
    if (!labels.place(iconBox, text.isEmpty() ? null : Labels.box(tx, ty, text, size))) {
      return;
    }
    if (icon != null) {
      ops.add(icon);
    }
    if (text.isEmpty()) {
      return;
    }
    double opacity = Expression.number(layer.property("paint", "text-opacity").evaluate(ctx), 1);
    Rgba colour =
        faded(Expression.color(layer.property("paint", "text-color").evaluate(ctx)), opacity);
    double haloWidth =
        Expression.number(layer.property("paint", "text-halo-width").evaluate(ctx), 0);
    Rgba halo =
        haloWidth > 0
            ? faded(
                Expression.color(layer.property("paint", "text-halo-color").evaluate(ctx)), opacity)
            : null;
    if (halo != null && halo.a() == 0) {
      halo = null;
    }
    if (colour == null) {
      return;
    }
    ops.add(
        new DrawOp.Text(tx, ty, text, new Symbolizer.Label("text-field", size, colour, halo, 0)));
  }

  /** The sprite's icon for this feature, centred on the anchor, or null (said once). */
  private DrawOp.Raster icon(
      MapLibreStyle.Layer layer, Expression.Context ctx, double x, double y) {
    Object value = layer.property("layout", "icon-image").evaluate(ctx);
    String name = value == null ? "" : Expression.text(value).strip();
    if (name.isEmpty()) {
      return null;
    }
    if (sprite == null) {
      problems()
          .report(
              layer.id(),
              "layout 'icon-image'",
              style.sprite() == null
                  ? "the style names no sprite; icons left out"
                  : "the sprite " + style.sprite() + " could not be loaded; icons left out");
      return null;
    }
    Sprite.Icon icon = sprite.icon(name);
    if (icon == null) {
      problems().report(layer.id(), "icon '" + name + "'", "not in the sprite; left out");
      return null;
    }
    double scale = Expression.number(layer.property("layout", "icon-size").evaluate(ctx), 1);
    double w = icon.width() / icon.pixelRatio() * scale;
    double h = icon.height() / icon.pixelRatio() * scale;
    return new DrawOp.Raster(
        x - w / 2, y - h / 2, w, h, icon.width(), icon.height(), icon.argbPre());
  }

  private static Coordinate anchor(VectorTile.Feature f) {
    Geometry g = f.geometry();
    return switch (f.type()) {
      case POINT -> g.getCoordinate();
      case POLYGON -> InteriorPointArea.getInteriorPoint(g);
      case LINESTRING -> {
        LineString longest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
          LineString part = (LineString) g.getGeometryN(i);
          if (longest == null || part.getLength() > longest.getLength()) {
            longest = part;
          }
        }
        yield longest == null ? null : longest.getCoordinateN(longest.getNumPoints() / 2);
      }
    };
  }

  private static List<Coordinate[]> rings(Geometry g) {
    List<Coordinate[]> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      out.add(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        out.add(p.getInteriorRingN(h).getCoordinates());
      }
    }
    return out;
  }

  private static List<Coordinate[]> lines(Geometry g) {
    List<Coordinate[]> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      out.add(g.getGeometryN(i).getCoordinates());
    }
    return out;
  }

  private static DrawOp.Path path(
      List<Coordinate[]> parts, boolean closed, double k, Rgba fill, Rgba stroke, double width) {
    int n = 0;
    for (Coordinate[] part : parts) {
      n += part.length;
    }
    double[] xy = new double[2 * n];
    int[] starts = new int[parts.size()];
    int at = 0;
    for (int p = 0; p < parts.size(); p++) {
      starts[p] = at;
      for (Coordinate c : parts.get(p)) {
        xy[2 * at] = c.x * k;
        xy[2 * at + 1] = c.y * k;
        at++;
      }
    }
    return new DrawOp.Path(xy, starts, closed, fill, stroke, width);
  }

  private static Rgba faded(Rgba colour, double opacity) {
    if (colour == null || opacity >= 1) {
      return colour;
    }
    return colour.withAlpha(colour.a() * Math.max(0, opacity));
  }

  private static String typeName(VectorTile.GeomType type) {
    return switch (type) {
      case POINT -> "Point";
      case LINESTRING -> "LineString";
      case POLYGON -> "Polygon";
    };
  }

  /**
   * Greedy label boxes within one tile: first come, first placed; a label that would overlap a
   * placed one or cross the tile's edge is dropped. Widths are estimated (CJK about 1 em, other
   * characters 0.6 em) so no font metrics are needed off the painting thread.
   */
  private static final class Labels {
    private final double size;
    private final List<double[]> placed = new ArrayList<>();

    Labels(double size) {
      this.size = size;
    }

    /** The box a label of {@code text} centred on (x, y) takes. */
    static double[] box(double x, double y, String text, double fontSize) {
      double w = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        w += Character.isIdeographic(cp) ? fontSize : 0.6 * fontSize;
        i += Character.charCount(cp);
      }
      double h = fontSize * 1.3;
      return new double[] {x - w / 2 - 2, y - h / 2, x + w / 2 + 2, y + h / 2};
    }

    /** Places both boxes (either may be null) if neither overlaps a placed one or the edge. */
    boolean place(double[] a, double[] b) {
      if (!fits(a) || !fits(b)) {
        return false;
      }
      if (a != null) {
        placed.add(a);
      }
      if (b != null) {
        placed.add(b);
      }
      return true;
    }

    private boolean fits(double[] box) {
      if (box == null) {
        return true;
      }
      if (box[0] < 0 || box[1] < 0 || box[2] > size || box[3] > size) {
        return false;
      }
      for (double[] p : placed) {
        if (box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1]) {
          return false;
        }
      }
      return true;
    }
  }
}
