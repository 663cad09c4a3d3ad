package com.cityops.map.render;

import com.cityops.map.view.Viewport;
import java.util.List;

/**
 * Everything to draw for one viewport, in order, per layer (with the layer's opacity). A toolkit
 * turns it into pixels; tests read it directly.
 */
public record RenderPlan(Viewport viewport, List<LayerOps> layers, String attribution) {
  public RenderPlan {
    layers = List.copyOf(layers);
  }

  public int size() {
    return layers.stream().mapToInt(l -> l.ops().size()).sum();
  }

  /** One layer's instructions. */
  public record LayerOps(String layerId, double opacity, List<DrawOp> ops) {
    public LayerOps {
      ops = List.copyOf(ops);
    }
  }
}
