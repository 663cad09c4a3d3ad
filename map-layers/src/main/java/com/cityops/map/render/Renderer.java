package com.cityops.map.render;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns map content and a viewport into a {@link RenderPlan}: culls by the sources' spatial index,
 * simplifies geometry to half a pixel of the integer zoom (cached per feature and zoom), applies
 * each rule valid at the zoom, and places labels last over everything without overlaps.
 *
 * <p>Thread-safe; one instance per map keeps the simplification cache.
 */
public final class Renderer {
  private static final int CACHED_ZOOMS = 4;

  /** Simplified geometries by layer id and source version, then integer zoom, then feature id. */
  private final Map<String, Map<Integer, Map<String, Geometry>>> simplified =
      new ConcurrentHashMap<>();

  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  public RenderPlan plan(MapContent content, Viewport viewport) {
    Envelope area = viewport.bounds();
    area.expandBy(area.getWidth() * 0.05, area.getHeight() * 0.05);
    List<RenderPlan.LayerOps> layers = new ArrayList<>();
    List<PendingLabel> labels = new ArrayList<>();
    List<double[]> obstacles = new ArrayList<>();
    int order = 0;
    for (FeatureLayer layer : content.layers()) {
      order++;
      if (!layer.visible()) {
        continue;
      }
      List<Rule> rules =
          layer.style().rules().stream().filter(r -> r.appliesAt(viewport.zoom())).toList();
      if (rules.isEmpty()) {
        continue;
      }
      Map<String, Geometry> cache = cacheFor(layer, (int) Math.floor(viewport.zoom()));
      double tolerance = viewport.resolution() * 0.5;
      List<DrawOp> ops = new ArrayList<>();
      List<Feature> inView = layer.source().features(area);
      if (viewport.zoom() < layer.clusterBelowZoom()) {
        inView = drawClusters(inView, viewport, ops, obstacles);
      }
      Map<Symbolizer.Heatmap, List<Feature>> heat = new java.util.LinkedHashMap<>();
      com.cityops.map.view.ScreenTransform screen = viewport.transform();
      MarkerBatches markers = new MarkerBatches(rules);
      for (Feature feature : inView) {
        Geometry geometry = simplify(feature, cache, tolerance);
        for (Rule rule : rules) {
          if (!rule.filter().matches(feature)) {
            continue;
          }
          for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof Symbolizer.Heatmap h) {
              heat.computeIfAbsent(h, k -> new ArrayList<>()).add(feature);
            } else if (s instanceof Symbolizer.Label label) {
              String text = feature.text(label.attribute());
              if (text != null && !text.isBlank()) {
                labels.add(
                    new PendingLabel(
                        order,
                        label,
                        text,
                        anchor(feature.geometry()),
                        feature.geometry() instanceof Puntal));
              }
            } else if (s instanceof Symbolizer.Marker marker) {
              markers.add(marker, geometry, screen);
            } else {
              draw(geometry, s, screen, ops);
            }
          }
        }
      }
      markers.emit(ops);
      heat.forEach((h, points) -> ops.add(heatmap(h, points, viewport)));
      layers.add(new RenderPlan.LayerOps(layer.id(), layer.opacity(), ops));
    }
    layers.add(new RenderPlan.LayerOps("labels", 1, placeLabels(labels, obstacles, viewport)));
    return new RenderPlan(viewport, layers, content.attribution());
  }

  private static final Rgba CLUSTER_FILL = Rgba.hex("#0e7490b3");
  private static final Rgba CLUSTER_EDGE = Rgba.hex("#e0f2fe");
  private static final Rgba CLUSTER_TEXT = Rgba.hex("#ffffff");

  /**
   * Draws the clusters of more than one point (a sized circle with its count) and returns the lone
   * points, which the layer's rules draw as usual.
   */
  private static List<Feature> drawClusters(
      List<Feature> features, Viewport v, List<DrawOp> ops, List<double[]> obstacles) {
    List<Feature> single = new ArrayList<>();
    for (PointClusters.Cluster c : PointClusters.of(features, v, PointClusters.CELL_PX)) {
      if (c.count() == 1) {
        single.add(c.members().get(0));
        continue;
      }
      double size = PointClusters.circleSize(c.count());
      double r = size / 2;
      obstacles.add(new double[] {c.x() - r, c.y() - r, c.x() + r, c.y() + r});
      ops.add(
          new DrawOp.Marker(
              c.x(),
              c.y(),
              new Symbolizer.Marker(Symbolizer.Shape.CIRCLE, size, CLUSTER_FILL, CLUSTER_EDGE)));
      ops.add(
          new DrawOp.Text(
              c.x(),
              c.y(),
              Integer.toString(c.count()),
              new Symbolizer.Label(null, 11, CLUSTER_TEXT, null, 0)));
    }
    return single;
  }

  /** Heatmaps by symbolizer: each precomputes its kernel and ramp once. */
  private final Map<Symbolizer.Heatmap, Heatmap> heatmaps = new ConcurrentHashMap<>();

  private DrawOp heatmap(Symbolizer.Heatmap h, List<Feature> points, Viewport v) {
    Heatmap map = heatmaps.computeIfAbsent(h, k -> new Heatmap(k.radiusPx(), k.ramp()));
    Heatmap.Image image = map.render(points, h.weightAttribute(), v, h.normaliseTo());
    return new DrawOp.Raster(
        0,
        0,
        image.width() * Heatmap.SCALE,
        image.height() * Heatmap.SCALE,
        image.width(),
        image.height(),
        image.argbPre());
  }

  private Map<String, Geometry> cacheFor(FeatureLayer layer, int zoom) {
    Long seen = versions.put(layer.id(), layer.source().version());
    Map<Integer, Map<String, Geometry>> byZoom =
        simplified.computeIfAbsent(layer.id(), k -> new ConcurrentHashMap<>());
    if (seen != null && seen != layer.source().version()) {
      byZoom.clear();
    }
    if (byZoom.size() > CACHED_ZOOMS && !byZoom.containsKey(zoom)) {
      byZoom.keySet().removeIf(z -> Math.abs(z - zoom) > 1);
    }
    return byZoom.computeIfAbsent(zoom, k -> new ConcurrentHashMap<>());
  }

  private static Geometry simplify(Feature f, Map<String, Geometry> cache, double tolerance) {
    Geometry g = f.geometry();
    if (g instanceof Puntal || g.getNumPoints() < 16) {
      return g;
    }
    return cache.computeIfAbsent(f.id(), k -> TopologyPreservingSimplifier.simplify(g, tolerance));
  }

  private static void draw(
      Geometry g, Symbolizer s, com.cityops.map.view.ScreenTransform v, List<DrawOp> ops) {
    if (s instanceof Symbolizer.Fill fill) {
      if (g instanceof Polygonal) {
        ops.add(path(g, v, true, fill.color(), null, 0));
      }
    } else if (s instanceof Symbolizer.Stroke stroke) {
      if (!(g instanceof Puntal)) {
        ops.add(path(g, v, g instanceof Polygonal, null, stroke.color(), stroke.width()));
      }
    } else if (s instanceof Symbolizer.Icon icon) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        Point p = part instanceof Point point ? point : part.getInteriorPoint();
        ops.add(new DrawOp.Icon(v.x(p.getX()), v.y(p.getY()), icon));
      }
    }
  }

  /**
   * Marker positions gathered while a layer's features are visited, as one op. A small layer is put
   * in the style's rule order, so a later rule (a higher grade) draws on top; a large one keeps the
   * source's spatial order, which paints several times faster (neighbouring stamps share cache
   * lines).
   */
  private static final class MarkerBatches {
    private static final int ORDER_BY_RULE_BELOW = 20_000;
    private final List<Symbolizer.Marker> symbols = new ArrayList<>();
    // By identity: the rules hand out the same symbolizer objects, and a record's hashCode walks
    // all its fields — once per point on a 100,000-point layer.
    private final Map<Symbolizer.Marker, Integer> index = new java.util.IdentityHashMap<>();
    private double[] xy = new double[128];
    private int[] symbol = new int[64];
    private int n;

    MarkerBatches(List<Rule> rules) {
      for (Rule r : rules) {
        for (Symbolizer s : r.symbolizers()) {
          if (s instanceof Symbolizer.Marker m && !index.containsKey(m)) {
            index.put(m, symbols.size());
            symbols.add(m);
          }
        }
      }
    }

    void add(Symbolizer.Marker m, Geometry g, com.cityops.map.view.ScreenTransform v) {
      int k = index.get(m);
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        Point p = part instanceof Point point ? point : part.getInteriorPoint();
        if (n == symbol.length) {
          symbol = java.util.Arrays.copyOf(symbol, n * 2);
          xy = java.util.Arrays.copyOf(xy, n * 4);
        }
        xy[2 * n] = v.x(p.getX());
        xy[2 * n + 1] = v.y(p.getY());
        symbol[n++] = k;
      }
    }

    void emit(List<DrawOp> ops) {
      if (n == 0) {
        return;
      }
      double[] outXy = java.util.Arrays.copyOf(xy, 2 * n);
      int[] outSymbol = java.util.Arrays.copyOf(symbol, n);
      if (n < ORDER_BY_RULE_BELOW && symbols.size() > 1) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> symbol[i]));
        for (int i = 0; i < n; i++) {
          outXy[2 * i] = xy[2 * order[i]];
          outXy[2 * i + 1] = xy[2 * order[i] + 1];
          outSymbol[i] = symbol[order[i]];
        }
      }
      ops.add(new DrawOp.Markers(symbols, outXy, outSymbol));
    }
  }

  private static DrawOp.Path path(
      Geometry g,
      com.cityops.map.view.ScreenTransform v,
      boolean closed,
      com.cityops.map.style.Rgba fill,
      com.cityops.map.style.Rgba stroke,
      double width) {
    List<Coordinate[]> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        parts.add(polygon.getExteriorRing().getCoordinates());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          parts.add(polygon.getInteriorRingN(h).getCoordinates());
        }
      } else if (part instanceof LineString line) {
        parts.add(line.getCoordinates());
      }
    }
    int total = parts.stream().mapToInt(c -> c.length).sum();
    double[] xy = new double[total * 2];
    int[] starts = new int[parts.size()];
    int k = 0;
    for (int p = 0; p < parts.size(); p++) {
      starts[p] = k / 2;
      for (Coordinate c : parts.get(p)) {
        xy[k++] = v.x(c.x);
        xy[k++] = v.y(c.y);
      }
    }
    return new DrawOp.Path(xy, starts, closed, fill, stroke, width);
  }

  private static Coordinate anchor(Geometry g) {
    return (g instanceof Point p ? p : g.getInteriorPoint()).getCoordinate();
  }

  private static List<DrawOp> placeLabels(
      List<PendingLabel> labels, List<double[]> obstacles, Viewport v) {
    LabelPlacer placer = new LabelPlacer(v.width(), v.height());
    for (double[] o : obstacles) {
      placer.block(o[0], o[1], o[2], o[3]);
    }
    List<DrawOp> ops = new ArrayList<>();
    labels.sort(
        Comparator.comparingInt((PendingLabel l) -> l.style.priority())
            .thenComparing(l -> -l.layerOrder));
    for (PendingLabel l : labels) {
      double x = v.screenX(l.at.x);
      // A point's label sits below its symbol, so the symbol stays visible; areas centre theirs.
      double y = v.screenY(l.at.y) + (l.belowPoint ? l.style.size() * 0.6 + 9 : 0);
      double placedY = placer.place(x, y, l.text, l.style.size());
      if (!Double.isNaN(placedY)) {
        ops.add(new DrawOp.Text(x, placedY, l.text, l.style));
      }
    }
    return ops;
  }

  private record PendingLabel(
      int layerOrder, Symbolizer.Label style, String text, Coordinate at, boolean belowPoint) {}
}
