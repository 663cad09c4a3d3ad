package com.cityops.map.render;

import com.cityops.map.data.Feature;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;

/**
 * Screen-grid clustering: points falling in the same cell of {@code cellPx} logical pixels merge
 * into one cluster at their mean position. Stable while panning because cells are anchored to the
 * world (Mercator), not to the screen.
 */
public final class PointClusters {
  /** The cell the map clusters points in, in logical pixels (renderer and hit-testing agree). */
  public static final double CELL_PX = 80;

  private PointClusters() {}

  /** Diameter of a cluster's circle: 16 px for one, growing with the count's order of magnitude. */
  public static double circleSize(int count) {
    return Math.min(44, 16 + 6 * Math.log10(count) * 2);
  }

  /** A group of points; {@code members} holds them all (a singleton is drawn as itself). */
  public record Cluster(double x, double y, List<Feature> members) {
    public int count() {
      return members.size();
    }
  }

  /**
   * Clusters in screen coordinates for {@code features} (non-point geometries use their centroid).
   */
  public static List<Cluster> of(List<Feature> features, Viewport viewport, double cellPx) {
    double cell = cellPx * viewport.resolution();
    Map<Long, List<Feature>> cells = new LinkedHashMap<>();
    for (Feature f : features) {
      Point p = f.geometry() instanceof Point point ? point : f.geometry().getCentroid();
      long cx = (long) Math.floor(p.getX() / cell);
      long cy = (long) Math.floor(p.getY() / cell);
      cells.computeIfAbsent((cx << 32) ^ (cy & 0xffffffffL), k -> new ArrayList<>()).add(f);
    }
    List<Cluster> clusters = new ArrayList<>(cells.size());
    for (List<Feature> members : cells.values()) {
      double sx = 0;
      double sy = 0;
      for (Feature f : members) {
        Point p = f.geometry() instanceof Point point ? point : f.geometry().getCentroid();
        sx += p.getX();
        sy += p.getY();
      }
      clusters.add(
          new Cluster(
              viewport.screenX(sx / members.size()),
              viewport.screenY(sy / members.size()),
              List.copyOf(members)));
    }
    return clusters;
  }
}
