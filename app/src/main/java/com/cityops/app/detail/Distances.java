package com.cityops.app.detail;

import com.cityops.api.Location;

/** Ground distances between WGS84 points (haversine on a spherical Earth: ample for a city). */
final class Distances {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private Distances() {}

  static double metres(Location a, Location b) {
    return metres(a.lon(), a.lat(), b.lon(), b.lat());
  }

  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** Degrees of latitude spanning {@code metres} (for a cheap pre-filter box). */
  static double latDegrees(double metres) {
    return Math.toDegrees(metres / EARTH_RADIUS_M);
  }

  /** Degrees of longitude spanning {@code metres} at latitude {@code lat}. */
  static double lonDegrees(double metres, double lat) {
    return latDegrees(metres) / Math.max(0.01, Math.cos(Math.toRadians(lat)));
  }
}
