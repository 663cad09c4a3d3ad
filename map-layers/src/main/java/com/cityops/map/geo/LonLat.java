package com.cityops.map.geo;

/** A geographic position in degrees, longitude first (axis order is the classic GIS bug). */
public record LonLat(double lon, double lat) {

  public LonLat {
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "not a lon/lat position: lon="
              + lon
              + ", lat="
              + lat
              + " (lon in [-180,180] first, lat in [-90,90])");
    }
  }

  public static LonLat of(double lon, double lat) {
    return new LonLat(lon, lat);
  }
}
