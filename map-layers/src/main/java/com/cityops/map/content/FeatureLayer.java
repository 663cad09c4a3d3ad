package com.cityops.map.content;

import com.cityops.map.data.FeatureSource;
import com.cityops.map.style.Style;

/** One layer of the map: a source drawn with a style (GeoTools' {@code FeatureLayer}). */
public record FeatureLayer(
    String id,
    String title,
    FeatureSource source,
    Style style,
    boolean visible,
    double opacity,
    String attribution,
    double clusterBelowZoom) {

  public static FeatureLayer of(String id, String title, FeatureSource source, Style style) {
    return new FeatureLayer(id, title, source, style, true, 1, null, Double.NEGATIVE_INFINITY);
  }

  /** Points of this layer are drawn as counted clusters below {@code zoom}. */
  public FeatureLayer clusteredBelow(double zoom) {
    return new FeatureLayer(id, title, source, style, visible, opacity, attribution, zoom);
  }

  public FeatureLayer withVisible(boolean value) {
    return new FeatureLayer(
        id, title, source, style, value, opacity, attribution, clusterBelowZoom);
  }

  public FeatureLayer withOpacity(double value) {
    return new FeatureLayer(
        id, title, source, style, visible, value, attribution, clusterBelowZoom);
  }

  public FeatureLayer withAttribution(String value) {
    return new FeatureLayer(id, title, source, style, visible, opacity, value, clusterBelowZoom);
  }

  public FeatureLayer withSource(FeatureSource value) {
    return new FeatureLayer(
        id, title, value, style, visible, opacity, attribution, clusterBelowZoom);
  }
}
