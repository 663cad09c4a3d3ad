package com.cityops.map.maplibre;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What of a MapLibre style is left out, each said once: which layer, which property or expression,
 * why. The style still renders without it. Thread-safe (the renderer may report from several tiles
 * at once).
 */
public final class StyleProblems {
  private final Set<String> seen = new LinkedHashSet<>();

  /** Records a problem unless the same one was recorded before; returns whether it was new. */
  public synchronized boolean report(String layerId, String what, String why) {
    return seen.add("layer '" + layerId + "': " + what + " — " + why);
  }

  public synchronized List<String> list() {
    return new ArrayList<>(seen);
  }

  public synchronized boolean isEmpty() {
    return seen.isEmpty();
  }

  @Override
  public synchronized String toString() {
    return String.join("\n", seen);
  }
}
