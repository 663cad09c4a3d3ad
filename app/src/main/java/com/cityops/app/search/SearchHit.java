package com.cityops.app.search;

import java.util.List;

/**
 * One answer of the one-box search.
 *
 * @param id the case id, place code, device id or indicator id
 * @param lon where it is (WGS84), NaN for what has no place (a city-wide indicator)
 * @param place the area for a place hit, else null
 * @param cameras the nearest cameras, for cases and places
 */
public record SearchHit(
    Kind kind,
    String id,
    String title,
    String detail,
    double lon,
    double lat,
    Place place,
    List<NearbyCamera> cameras) {

  public enum Kind {
    CASE,
    PLACE,
    DEVICE,
    INDICATOR
  }

  public boolean hasLocation() {
    return !Double.isNaN(lon) && !Double.isNaN(lat);
  }

  /** A camera near a hit, with its distance in metres. */
  public record NearbyCamera(String id, String name, double metres) {}
}
