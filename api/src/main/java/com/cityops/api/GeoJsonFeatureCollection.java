package com.cityops.api;

import java.util.List;

/** A GeoJSON (RFC 7946) feature collection, lon/lat WGS84. */
public record GeoJsonFeatureCollection(String type, List<GeoJsonFeature> features) {

  public static GeoJsonFeatureCollection of(List<GeoJsonFeature> features) {
    return new GeoJsonFeatureCollection("FeatureCollection", List.copyOf(features));
  }
}
