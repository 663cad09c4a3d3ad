package com.cityops.app.shell;

import com.cityops.api.Location;

/**
 * The administrative area the workstation is looking at (drill-down 市 → 区 → 街镇 → 网格): the map, the
 * indicators and the queue all show only what lies inside it. {@link #CITY} is everything.
 *
 * @param code the district adcode, street code or grid code; null for the city
 * @param name what the operator reads, e.g. 普陀区
 */
public record AreaScope(Level level, String code, String name) {
  public static final AreaScope CITY = new AreaScope(Level.CITY, null, null);

  public enum Level {
    CITY,
    DISTRICT,
    STREET,
    GRID
  }

  /** Whether a place lies inside this area, judged by the codes the backend put on it. */
  public boolean contains(Location location) {
    return switch (level) {
      case CITY -> true;
      case DISTRICT -> code.equals(location.districtCode());
      case STREET -> code.equals(location.streetCode());
      case GRID -> code.equals(location.gridCode());
    };
  }
}
