package com.cityops.map.query;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.render.PointClusters;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * What is under the pointer: the features (or the cluster) of the topmost visible layer that a
 * click at a screen position hits, and the features inside a dragged box. Candidates come from the
 * source's spatial index, then exact JTS tests in Mercator metres: points within the tolerance of
 * their marker's edge, lines within the tolerance of their stroke, polygons containing the point
 * (or within the tolerance of their outline). Only what is drawn can be hit: a layer whose rules do
 * not apply at the zoom, or a feature no rule draws, is skipped. For a layer currently clustered
 * the clusters are formed exactly as the renderer forms them. Stateless and thread-safe.
 */
public final class HitTester {

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** Something under the pointer; {@code distancePx} 0 means inside it. */
  public sealed interface Hit {
    String layerId();

    double distancePx();
  }

  public record FeatureHit(String layerId, Feature feature, double distancePx) implements Hit {}

  /**
   * A counted cluster: its members, and their extent — fitting the viewport to it ({@link
   * Viewport#fit}) zooms in far enough for the cluster to come apart.
   */
  public record ClusterHit(
      String layerId, List<Feature> members, Envelope expandTo, double distancePx) implements Hit {
    public ClusterHit {
      members = List.copyOf(members);
      expandTo = new Envelope(expandTo);
    }
  }

  /**
   * The hits of the topmost visible layer that has any under {@code (x, y)}, nearest first; empty
   * when nothing is there.
   */
  public List<Hit> hit(
      MapContent content, Viewport viewport, double x, double y, double tolerancePx) {
    List<FeatureLayer> layers = content.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      FeatureLayer layer = layers.get(i);
      List<Rule> rules = drawnRules(layer, viewport);
      if (rules.isEmpty()) {
        continue;
      }
      List<Hit> hits = hitLayer(layer, rules, viewport, x, y, tolerancePx);
      if (!hits.isEmpty()) {
        hits.sort(Comparator.comparingDouble(Hit::distancePx));
        return hits;
      }
    }
    return List.of();
  }

  /**
   * Features of every visible layer that meet the screen rectangle between two corners (any order),
   * top layer first: points inside it, lines and polygons touching it, as a box selection in
   * desktop GIS does. Clusters are not involved: a box selects the points under them.
   */
  public List<FeatureHit> select(
      MapContent content, Viewport viewport, double x0, double y0, double x1, double y1) {
    Envelope box =
        new Envelope(
            viewport.mercatorX(x0),
            viewport.mercatorX(x1),
            viewport.mercatorY(y0),
            viewport.mercatorY(y1));
    Geometry boxGeometry = GEOMETRY.toGeometry(box);
    List<FeatureHit> out = new ArrayList<>();
    List<FeatureLayer> layers = content.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      FeatureLayer layer = layers.get(i);
      List<Rule> rules = drawnRules(layer, viewport);
      for (Feature f : rules.isEmpty() ? List.<Feature>of() : layer.source().features(box)) {
        if (drawingRule(f, rules) != null && boxGeometry.intersects(f.geometry())) {
          out.add(new FeatureHit(layer.id(), f, 0));
        }
      }
    }
    return out;
  }

  private static List<Hit> hitLayer(
      FeatureLayer layer, List<Rule> rules, Viewport v, double x, double y, double tolerancePx) {
    List<Hit> hits = new ArrayList<>();
    List<Feature> candidates;
    if (v.zoom() < layer.clusterBelowZoom()) {
      candidates = new ArrayList<>();
      hitClusters(layer, v, x, y, tolerancePx, hits, candidates);
    } else {
      double reach = (tolerancePx + largestSymbolRadius(rules)) * v.resolution();
      double mx = v.mercatorX(x);
      double my = v.mercatorY(y);
      candidates =
          layer.source().features(new Envelope(mx - reach, mx + reach, my - reach, my + reach));
    }
    Point pointer = GEOMETRY.createPoint(new Coordinate(v.mercatorX(x), v.mercatorY(y)));
    for (Feature f : candidates) {
      Rule rule = drawingRule(f, rules);
      if (rule == null) {
        continue;
      }
      double distancePx = f.geometry().distance(pointer) / v.resolution();
      double radius = symbolRadius(f.geometry(), rule);
      if (distancePx <= tolerancePx + radius) {
        // Distance from the drawn edge: on a marker or a thick line counts as inside, like a
        // point inside a polygon.
        hits.add(new FeatureHit(layer.id(), f, Math.max(0, distancePx - radius)));
      }
    }
    return hits;
  }

  /**
   * Clusters as the renderer forms them: over the same area (the view plus 5 %) so each cell has
   * the same members and mean position. Lone points go back to {@code singles} for exact tests.
   */
  private static void hitClusters(
      FeatureLayer layer,
      Viewport v,
      double x,
      double y,
      double tolerancePx,
      List<Hit> hits,
      List<Feature> singles) {
    Envelope area = v.bounds();
    area.expandBy(area.getWidth() * 0.05, area.getHeight() * 0.05);
    for (PointClusters.Cluster c :
        PointClusters.of(layer.source().features(area), v, PointClusters.CELL_PX)) {
      if (c.count() == 1) {
        singles.add(c.members().get(0));
        continue;
      }
      double radius = clusterDiameter(c.count()) / 2;
      double distance = Math.hypot(c.x() - x, c.y() - y);
      if (distance <= radius + tolerancePx) {
        Envelope extent = new Envelope();
        for (Feature f : c.members()) {
          extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        hits.add(new ClusterHit(layer.id(), c.members(), extent, Math.max(0, distance - radius)));
      }
    }
  }

  /** The renderer's cluster circle: 16 px for 1, growing with the count's order of magnitude. */
  static double clusterDiameter(int count) {
    return PointClusters.circleSize(count);
  }

  private static List<Rule> drawnRules(FeatureLayer layer, Viewport v) {
    if (!layer.visible()) {
      return List.of();
    }
    return layer.style().rules().stream()
        .filter(r -> r.appliesAt(v.zoom()))
        .filter(r -> r.symbolizers().stream().anyMatch(s -> !(s instanceof Symbolizer.Label)))
        .toList();
  }

  /** The first rule that draws the feature with something other than a label, or null. */
  private static Rule drawingRule(Feature f, List<Rule> rules) {
    for (Rule r : rules) {
      if (r.filter().matches(f)) {
        return r;
      }
    }
    return null;
  }

  /** Half the drawn symbol: a marker's or icon's radius for points, half the stroke otherwise. */
  private static double symbolRadius(Geometry g, Rule rule) {
    double radius = 0;
    for (Symbolizer s : rule.symbolizers()) {
      if (g instanceof Puntal && s instanceof Symbolizer.Marker m) {
        radius = Math.max(radius, m.size() / 2);
      } else if (g instanceof Puntal && s instanceof Symbolizer.Icon icon) {
        radius = Math.max(radius, icon.size() / 2);
      } else if (!(g instanceof Puntal) && s instanceof Symbolizer.Stroke stroke) {
        radius = Math.max(radius, stroke.width() / 2);
      }
    }
    return radius;
  }

  private static double largestSymbolRadius(List<Rule> rules) {
    double radius = 0;
    for (Rule r : rules) {
      for (Symbolizer s : r.symbolizers()) {
        if (s instanceof Symbolizer.Marker m) {
          radius = Math.max(radius, m.size() / 2);
        } else if (s instanceof Symbolizer.Icon icon) {
          radius = Math.max(radius, icon.size() / 2);
        } else if (s instanceof Symbolizer.Stroke stroke) {
          radius = Math.max(radius, stroke.width() / 2);
        }
      }
    }
    return radius;
  }
}
