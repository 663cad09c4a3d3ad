package com.cityops.map.maplibre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a MapLibre style is left out, each said once per layer and subject (the first reason
 * given is kept, so a value that fails differently for every feature is still one line): which
 * layer, which property or expression, why. The style still renders without it. Thread-safe (the
 * renderer may report from several tiles at once).
 */
public final class StyleProblems {
  private final Map<String, String> seen = new LinkedHashMap<>();

  /** Records a problem unless one about the same layer and subject was recorded before. */
  public synchronized boolean report(String layerId, String what, String why) {
    String key = "layer '" + layerId + "': " + what;
    return seen.putIfAbsent(key, key + " — " + why) == null;
  }

  public synchronized List<String> list() {
    return new ArrayList<>(seen.values());
  }

  public synchronized boolean isEmpty() {
    return seen.isEmpty();
  }

  @Override
  public synchronized String toString() {
    return String.join("\n", seen.values());
  }
}
