package com.cityops.app.map;

import com.cityops.map.data.Feature;
import com.cityops.map.data.FeatureSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The grid cells with their number of open cases ({@code openCases}), for the choropleth. The
 * counts are swapped in as one small map when they change; the cells are decorated with them when a
 * render worker asks, so the FX thread never rebuilds thousands of features.
 *
 * <p>Thread-safe: {@link #setCounts} on the FX thread, queries on render workers.
 */
final class GridCaseCounts implements FeatureSource {
  private final FeatureSource grids;
  private volatile Map<String, Integer> counts = Map.of();
  private volatile long version;

  GridCaseCounts(FeatureSource grids) {
    this.grids = grids;
  }

  FeatureSource grids() {
    return grids;
  }

  /** New counts by grid code (a copy is kept). */
  void setCounts(Map<String, Integer> byGrid) {
    counts = Map.copyOf(byGrid);
    version++;
  }

  @Override
  public String name() {
    return "grid-cases";
  }

  @Override
  public Envelope bounds() {
    return grids.bounds();
  }

  @Override
  public long version() {
    return grids.version() * 1_000_003L + version;
  }

  @Override
  public List<Feature> features(Envelope area) {
    Map<String, Integer> now = counts;
    List<Feature> cells = grids.features(area);
    List<Feature> counted = new ArrayList<>(cells.size());
    for (Feature cell : cells) {
      Map<String, Object> attributes = new HashMap<>(cell.attributes());
      attributes.put("openCases", now.getOrDefault(cell.text("code"), 0));
      counted.add(new Feature(cell.id(), cell.geometry(), attributes));
    }
    return counted;
  }
}
