package com.cityops.app.map;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator changed in the layer tree — visibility, opacity and order by layer id — laid
 * over whatever content the app supplies, so the choices survive the app rebuilding its layers.
 * Immutable.
 */
public record LayerSettings(
    Map<String, Boolean> visible, Map<String, Double> opacity, List<String> order) {
  public static final LayerSettings NONE = new LayerSettings(Map.of(), Map.of(), List.of());

  public LayerSettings {
    visible = Map.copyOf(visible);
    opacity = Map.copyOf(opacity);
    order = List.copyOf(order);
  }

  public LayerSettings withVisible(String layerId, boolean value) {
    Map<String, Boolean> next = new HashMap<>(visible);
    next.put(layerId, value);
    return new LayerSettings(next, opacity, order);
  }

  public LayerSettings withOpacity(String layerId, double value) {
    Map<String, Double> next = new HashMap<>(opacity);
    next.put(layerId, Math.max(0, Math.min(1, value)));
    return new LayerSettings(visible, next, order);
  }

  /** Moves a layer {@code steps} places up (towards the top) among {@code content}'s layers. */
  public LayerSettings moved(MapContent content, String layerId, int steps) {
    List<String> ids = new ArrayList<>();
    for (FeatureLayer l : applyTo(content).layers()) {
      ids.add(l.id());
    }
    int from = ids.indexOf(layerId);
    if (from < 0) {
      return this;
    }
    int to = Math.max(0, Math.min(ids.size() - 1, from + steps));
    ids.add(to, ids.remove(from));
    return new LayerSettings(visible, opacity, ids);
  }

  /** {@code content} with these choices applied; layers not mentioned keep the app's settings. */
  public MapContent applyTo(MapContent content) {
    if (this.equals(NONE)) {
      return content;
    }
    Map<String, FeatureLayer> byId = new LinkedHashMap<>();
    for (FeatureLayer l : content.layers()) {
      FeatureLayer adjusted = l;
      Boolean v = visible.get(l.id());
      if (v != null) {
        adjusted = adjusted.withVisible(v);
      }
      Double o = opacity.get(l.id());
      if (o != null) {
        adjusted = adjusted.withOpacity(o);
      }
      byId.put(l.id(), adjusted);
    }
    List<FeatureLayer> ordered = new ArrayList<>();
    for (String id : order) {
      FeatureLayer l = byId.remove(id);
      if (l != null) {
        ordered.add(l);
      }
    }
    // Layers the operator has not placed keep their place in the app's order.
    for (int i = 0; i < content.layers().size(); i++) {
      FeatureLayer l = content.layers().get(i);
      if (!order.contains(l.id())) {
        ordered.add(Math.min(i, ordered.size()), byId.get(l.id()));
      }
    }
    return new MapContent(ordered);
  }
}
