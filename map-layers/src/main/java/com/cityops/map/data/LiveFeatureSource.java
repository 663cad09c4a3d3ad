package com.cityops.map.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Features the application moves, adds and removes many times a second (vehicles, live cases,
 * moving sensors). Indexed by a uniform grid of Mercator cells rather than an R-tree, because a
 * move then costs two hash operations instead of a rebuild. Every change bumps {@link #version()},
 * which tells renderers to draw again.
 *
 * <p>Thread-safe: writers (the app's feed threads) and readers (render workers) may run at once; a
 * reader sees each feature either before or after a change, never half of it.
 */
public final class LiveFeatureSource implements FeatureSource {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final String name;
  private final double cellMetres;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Feature> byId = new HashMap<>();
  private final Map<Long, Map<String, Feature>> cells = new HashMap<>();
  private volatile long version;

  /**
   * @param cellMetres grid cell size; about the spacing of a street-zoom view's width / 10 works
   */
  public LiveFeatureSource(String name, double cellMetres) {
    if (!(cellMetres > 0)) {
      throw new IllegalArgumentException("cell size must be positive, got " + cellMetres);
    }
    this.name = name;
    this.cellMetres = cellMetres;
  }

  public LiveFeatureSource(String name) {
    this(name, 1_000);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public long version() {
    return version;
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds the feature or replaces the one with its id. */
  public void put(Feature feature) {
    lock.writeLock().lock();
    try {
      putLocked(feature);
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Applies a batch of additions/replacements and removals as one change (one version step). */
  public void apply(List<Feature> upserts, List<String> removals) {
    lock.writeLock().lock();
    try {
      for (Feature f : upserts) {
        putLocked(f);
      }
      for (String id : removals) {
        removeLocked(id);
      }
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Moves a point feature, keeping its attributes; false when the id is unknown. */
  public boolean move(String id, double x, double y) {
    lock.writeLock().lock();
    try {
      Feature old = byId.get(id);
      if (old == null) {
        return false;
      }
      putLocked(new Feature(id, GEOMETRY.createPoint(new Coordinate(x, y)), old.attributes()));
      version++;
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      boolean removed = removeLocked(id);
      if (removed) {
        version++;
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public void clear() {
    lock.writeLock().lock();
    try {
      byId.clear();
      cells.clear();
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Envelope bounds() {
    lock.readLock().lock();
    try {
      Envelope all = new Envelope();
      for (Feature f : byId.values()) {
        all.expandToInclude(f.geometry().getEnvelopeInternal());
      }
      return all;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Feature> features(Envelope area) {
    Feature[] candidates;
    lock.readLock().lock();
    try {
      long x0 = cell(area.getMinX());
      long x1 = cell(area.getMaxX());
      long y0 = cell(area.getMinY());
      long y1 = cell(area.getMaxY());
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > cells.size()) {
        // A city-wide view spans more cells than are occupied: copy the references and test them
        // after letting go of the lock, so writers wait for a copy, not for a scan.
        candidates = byId.values().toArray(new Feature[0]);
      } else {
        List<Feature> out = new ArrayList<>();
        for (long cx = x0; cx <= x1; cx++) {
          for (long cy = y0; cy <= y1; cy++) {
            Map<String, Feature> cell = cells.get(key(cx, cy));
            if (cell != null) {
              collect(cell, area, out);
            }
          }
        }
        return out;
      }
    } finally {
      lock.readLock().unlock();
    }
    List<Feature> out = new ArrayList<>(candidates.length);
    for (Feature f : candidates) {
      if (area.intersects(f.geometry().getEnvelopeInternal())) {
        out.add(f);
      }
    }
    return out;
  }

  private static void collect(Map<String, Feature> cell, Envelope area, List<Feature> out) {
    for (Feature f : cell.values()) {
      if (area.intersects(f.geometry().getEnvelopeInternal())) {
        out.add(f);
      }
    }
  }

  private void putLocked(Feature feature) {
    removeLocked(feature.id());
    byId.put(feature.id(), feature);
    cells
        .computeIfAbsent(keyOf(feature.geometry()), k -> new HashMap<>())
        .put(feature.id(), feature);
  }

  private boolean removeLocked(String id) {
    Feature old = byId.remove(id);
    if (old == null) {
      return false;
    }
    long key = keyOf(old.geometry());
    Map<String, Feature> cell = cells.get(key);
    if (cell != null) {
      cell.remove(id);
      if (cell.isEmpty()) {
        cells.remove(key);
      }
    }
    return true;
  }

  private long keyOf(Geometry g) {
    Coordinate c = g.getEnvelopeInternal().centre();
    return key(cell(c.x), cell(c.y));
  }

  private long cell(double metres) {
    return (long) Math.floor(metres / cellMetres);
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xffffffffL);
  }
}
