package com.cityops.app.search;

import com.cityops.app.shell.AreaScope;
import org.locationtech.jts.geom.Envelope;

/**
 * A named administrative area from the backend's boundary layers.
 *
 * @param parentCode the district of a street, the street of a grid; null for a district
 * @param lon a point inside the area (WGS84), where a search result flies to
 * @param bounds the area's extent in WGS84 degrees, what choosing it frames
 */
public record Place(
    AreaScope.Level level,
    String code,
    String name,
    String parentCode,
    double lon,
    double lat,
    Envelope bounds,
    SearchKey key) {

  public AreaScope scope() {
    return new AreaScope(level, code, name);
  }
}
