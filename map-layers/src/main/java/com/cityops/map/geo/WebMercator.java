package com.cityops.map.geo;

/**
 * EPSG:3857 (spherical Web Mercator), the display projection, and the XYZ tile grid on it. Pure
 * functions; latitudes are clamped to ±{@link #MAX_LAT}, where the projected world is square.
 */
public final class WebMercator {
  /** Earth radius of the spherical model, metres. */
  public static final double RADIUS = 6_378_137.0;

  /** Half the world's width in metres: x ranges over [-HALF_WORLD, HALF_WORLD]. */
  public static final double HALF_WORLD = Math.PI * RADIUS;

  public static final double MAX_LAT = 85.05112877980659;
  public static final int TILE_SIZE = 256;

  private WebMercator() {}

  /** Projected x in metres. */
  public static double x(double lon) {
    return Math.toRadians(lon) * RADIUS;
  }

  /** Projected y in metres (north positive). */
  public static double y(double lat) {
    double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS;
  }

  public static LonLat inverse(double x, double y) {
    double lon = Math.toDegrees(x / RADIUS);
    double lat = Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    return LonLat.of(Math.max(-180, Math.min(180, lon)), lat);
  }

  /**
   * World pixel x at a (fractional) zoom: 0 at the antimeridian west edge, 256·2^zoom at the east.
   */
  public static double pixelX(double lon, double zoom) {
    return (lon + 180) / 360 * worldSize(zoom);
  }

  /** World pixel y at a (fractional) zoom: 0 at the north edge. */
  public static double pixelY(double lat, double zoom) {
    return (0.5 - y(lat) / (2 * HALF_WORLD)) * worldSize(zoom);
  }

  public static double worldSize(double zoom) {
    return TILE_SIZE * Math.pow(2, zoom);
  }

  /** The tile containing a position at an integer zoom. */
  public static TileId tileAt(LonLat position, int z) {
    int n = 1 << z;
    int x = (int) Math.floor(pixelX(position.lon(), z) / TILE_SIZE);
    int y = (int) Math.floor(pixelY(position.lat(), z) / TILE_SIZE);
    return TileId.of(z, Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y)));
  }

  /** The north-west corner of a tile. */
  public static LonLat tileOrigin(TileId tile) {
    double n = 1 << tile.z();
    double lon = tile.x() / n * 360 - 180;
    double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * tile.y() / n))));
    return LonLat.of(lon, lat);
  }

  /** Ground metres per screen pixel at a latitude and zoom, for the scale bar. */
  public static double metresPerPixel(double lat, double zoom) {
    return Math.cos(Math.toRadians(lat)) * 2 * HALF_WORLD / worldSize(zoom);
  }
}
