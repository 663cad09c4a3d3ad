package com.cityops.api;

import java.util.List;

/**
 * A catalog entry of {@code GET /layers}: a feature layer the backend serves as GeoJSON from {@code
 * GET /layers/{id}/features}.
 *
 * @param bbox [minLon, minLat, maxLon, maxLat] of all features, WGS84
 */
public record LayerInfo(
    String id,
    String name,
    String geometryType,
    int featureCount,
    String crs,
    List<Double> bbox,
    String attribution) {

  public LayerInfo {
    bbox = List.copyOf(bbox);
  }
}
