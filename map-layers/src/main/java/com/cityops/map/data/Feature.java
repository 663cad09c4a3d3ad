package com.cityops.map.data;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One map feature (GeoTools' {@code SimpleFeature}, simplified): an id, a geometry in the map's CRS
 * (EPSG:3857 metres) and attributes.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> attributes) {
  public Feature {
    attributes = Map.copyOf(attributes);
  }

  /** An attribute as text, or null. */
  public String text(String attribute) {
    Object v = attributes.get(attribute);
    return v == null ? null : v.toString();
  }
}
