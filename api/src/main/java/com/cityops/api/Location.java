package com.cityops.api;

/**
 * A place in the city: WGS84 longitude/latitude (in that order), a readable address and the codes
 * of the administrative units it lies in (district adcode, street and grid codes).
 */
public record Location(
    double lon,
    double lat,
    String address,
    String districtCode,
    String streetCode,
    String gridCode) {

  public Location {
    if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(
          "location out of range: lon=" + lon + ", lat=" + lat + " (lon first, WGS84 degrees)");
    }
  }
}
