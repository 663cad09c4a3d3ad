package com.cityops.map.basemap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map with a budget in bytes (each entry weighs what its owner says).
 * Thread-safe; {@link #peek} reads without refreshing, for stand-ins that should not keep old tiles
 * alive.
 */
final class WeightedLru<K, V> {
  private final long budget;
  private final LinkedHashMap<K, Entry<V>> map = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<K, Entry<V>> index = new java.util.HashMap<>();
  private long weight;

  WeightedLru(long budget) {
    this.budget = budget;
  }

  synchronized V get(K key) {
    Entry<V> e = map.get(key);
    return e == null ? null : e.value;
  }

  synchronized V peek(K key) {
    // The access-ordered map moves an entry on every get; the plain index does not.
    Entry<V> e = index.get(key);
    return e == null ? null : e.value;
  }

  synchronized void put(K key, V value, long bytes) {
    Entry<V> entry = new Entry<>(value, bytes);
    Entry<V> old = map.put(key, entry);
    index.put(key, entry);
    if (old != null) {
      weight -= old.bytes;
    }
    weight += bytes;
    var it = map.entrySet().iterator();
    while (weight > budget && it.hasNext()) {
      Map.Entry<K, Entry<V>> eldest = it.next();
      if (eldest.getKey().equals(key)) {
        continue; // never evict what was just put
      }
      weight -= eldest.getValue().bytes;
      index.remove(eldest.getKey());
      it.remove();
    }
  }

  synchronized long weight() {
    return weight;
  }

  private record Entry<V>(V value, long bytes) {}
}
