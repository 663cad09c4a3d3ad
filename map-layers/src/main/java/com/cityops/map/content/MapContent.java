package com.cityops.map.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The ordered layers of a map, bottom first (GeoTools' {@code MapContent}). Immutable. */
public record MapContent(List<FeatureLayer> layers) {
  public static final MapContent EMPTY = new MapContent(List.of());

  public MapContent {
    layers = List.copyOf(layers);
  }

  /** This content with {@code layer} replacing the one with the same id, or added on top. */
  public MapContent with(FeatureLayer layer) {
    List<FeatureLayer> next = new ArrayList<>(layers);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).id().equals(layer.id())) {
        next.set(i, layer);
        return new MapContent(next);
      }
    }
    next.add(layer);
    return new MapContent(next);
  }

  /** Attributions of the visible layers, de-duplicated, for the map's corner. */
  public String attribution() {
    return layers.stream()
        .filter(FeatureLayer::visible)
        .map(FeatureLayer::attribution)
        .filter(Objects::nonNull)
        .distinct()
        .collect(Collectors.joining(" · "));
  }
}
