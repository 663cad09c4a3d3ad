package com.cityops.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A GeoJSON (RFC 7946) feature; the geometry stays a JSON tree so any geometry type passes through.
 */
public record GeoJsonFeature(
    String type, String id, Map<String, Object> properties, JsonNode geometry) {

  public static GeoJsonFeature of(String id, Map<String, Object> properties, JsonNode geometry) {
    return new GeoJsonFeature("Feature", id, properties, geometry);
  }
}
