package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Recently used tiles in memory, bounded by the bytes they hold (not their count: a satellite JPEG
 * weighs ten times a road PNG). Least recently used tiles go first. Keys name the source so one
 * cache can serve several layers. Counts hits, misses and evictions for the status page.
 * Thread-safe: one lock around a {@link LinkedHashMap} in access order — tile fetches take
 * milliseconds, so the lock is never the bottleneck.
 */
public final class TileMemoryCache {
  /** A tile of one source. */
  public record Key(String source, TileId tile) {}

  /** A snapshot of the counters. */
  public record Stats(long hits, long misses, long evictions, int tiles, long bytes, long budget) {}

  private final long budgetBytes;
  private final LinkedHashMap<Key, TileData> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;
  private long evictions;

  public TileMemoryCache(long budgetBytes) {
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException(
          "tile memory cache budget must be positive, got " + budgetBytes);
    }
    this.budgetBytes = budgetBytes;
  }

  public synchronized TileData get(Key key) {
    TileData data = entries.get(key);
    if (data == null) {
      misses++;
    } else {
      hits++;
    }
    return data;
  }

  /** Keeps a tile, evicting the least recently used until within budget. */
  public synchronized void put(Key key, TileData data) {
    Objects.requireNonNull(data, "data");
    if (data.size() > budgetBytes) {
      return; // keeping it would evict everything else and it still would not fit
    }
    TileData old = entries.put(key, data);
    if (old != null) {
      bytes -= old.size();
    }
    bytes += data.size();
    Iterator<Map.Entry<Key, TileData>> eldest = entries.entrySet().iterator();
    while (bytes > budgetBytes && eldest.hasNext()) {
      Map.Entry<Key, TileData> e = eldest.next();
      if (e.getKey().equals(key)) {
        continue; // never evict what was just added
      }
      bytes -= e.getValue().size();
      eldest.remove();
      evictions++;
    }
  }

  public synchronized void clear() {
    entries.clear();
    bytes = 0;
  }

  public synchronized Stats stats() {
    return new Stats(hits, misses, evictions, entries.size(), bytes, budgetBytes);
  }
}
