package com.cityops.map.style;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.data.Feature;
import com.cityops.map.data.FeatureSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One layer as configured in a style file: identity, source, display settings and renderer. The
 * layer's zoom range is applied by narrowing every rule's range to it (a layer has no zoom range of
 * its own). Immutable.
 */
public record LayerSpec(
    String id,
    String title,
    SourceSpec source,
    boolean visible,
    double opacity,
    double minZoom,
    double maxZoom,
    double clusterBelowZoom,
    String attribution,
    RendererSpec renderer) {

  /** Whether {@link #style(Collection)} needs the features (a classified graduated renderer). */
  public boolean needsData() {
    return renderer instanceof RendererSpec.Classified;
  }

  /**
   * The style, for renderers that do not depend on the data.
   *
   * @throws IllegalStateException for a classified renderer: use {@link #style(Collection)}
   */
  public Style style() {
    if (needsData()) {
      throw new IllegalStateException(
          "layer '" + id + "' classifies its data: call style(features) with the layer's features");
    }
    return style(List.of());
  }

  /** The style, classifying {@code data}'s values of the renderer's attribute when it must. */
  public Style style(Collection<Feature> data) {
    List<Rule> rules;
    if (renderer instanceof RendererSpec.Simple simple) {
      rules = simple.rules();
    } else if (renderer instanceof RendererSpec.Categorized categorized) {
      rules = categorized.rules();
    } else if (renderer instanceof RendererSpec.Graduated graduated) {
      rules = graduated.rules();
    } else {
      RendererSpec.Classified classified = (RendererSpec.Classified) renderer;
      rules = classified.rules(values(data, classified.attribute()));
    }
    List<Rule> zoomed = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      double min = Math.max(minZoom, r.minZoom());
      double max = Math.min(maxZoom, r.maxZoom());
      if (min < max) {
        zoomed.add(r.between(min, max));
      }
    }
    return new Style(zoomed);
  }

  /** An engine layer for {@code source} with this spec's settings and style. */
  public FeatureLayer toLayer(FeatureSource source) {
    List<Feature> data = needsData() ? source.features(source.bounds()) : List.of();
    FeatureLayer layer =
        FeatureLayer.of(id, title, source, style(data))
            .withVisible(visible)
            .withOpacity(opacity)
            .withAttribution(attribution);
    return Double.isInfinite(clusterBelowZoom) ? layer : layer.clusteredBelow(clusterBelowZoom);
  }

  private double[] values(Collection<Feature> data, String attribute) {
    List<Double> values = new ArrayList<>(data.size());
    for (Feature f : data) {
      Object v = f.attributes().get(attribute);
      if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
        values.add(n.doubleValue());
      } else if (v != null) {
        try {
          double parsed = Double.parseDouble(v.toString());
          if (Double.isFinite(parsed)) {
            values.add(parsed);
          }
        } catch (NumberFormatException e) {
          // A feature with a non-numeric value matches no class and is not drawn; it must not
          // move the breaks either. Nothing is lost by stepping over it here.
        }
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException(
          "layer '"
              + id
              + "' classifies by '"
              + attribute
              + "' but none of its "
              + data.size()
              + " features has a numeric value for it");
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
