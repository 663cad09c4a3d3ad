package com.cityops.sim.geo;

/** A WGS84 position, longitude first. */
public record GeoPoint(double lon, double lat) {
  public static GeoPoint of(double lon, double lat) {
    return new GeoPoint(lon, lat);
  }
}
