package com.cityops.map.geo;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate systems layers arrive in, and conversion of positions between them. EPSG codes go
 * through proj4j with explicit parameters (EPSG:4490, CGCS2000, is not in proj4j's bundled list; at
 * map scale it equals WGS84 — the frames differ by centimetres); the offset systems go through
 * {@link ChinaCoordinates}. Named after GeoTools' {@code CoordinateReferenceSystem} so a
 * GeoTools-backed implementation can replace it. Thread-safe.
 */
public enum Crs {
  WGS84("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs"),
  WEB_MERCATOR(
      "EPSG:3857",
      "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"),
  CGCS2000("EPSG:4490", "+proj=longlat +ellps=GRS80 +no_defs"),
  GCJ02("GCJ-02", null),
  BD09("BD-09", null);

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

  private final String code;
  private final String proj4;

  Crs(String code, String proj4) {
    this.code = code;
    this.proj4 = proj4;
  }

  public String code() {
    return code;
  }

  public static Crs ofCode(String code) {
    for (Crs crs : values()) {
      if (crs.code.equalsIgnoreCase(code)) {
        return crs;
      }
    }
    throw new IllegalArgumentException(
        "unsupported CRS '"
            + code
            + "'; supported: EPSG:4326, EPSG:3857, EPSG:4490, GCJ-02, BD-09");
  }

  /** A position (x, y in this system's units) as WGS84 lon/lat. */
  public LonLat toWgs84(double x, double y) {
    return switch (this) {
      case WGS84, CGCS2000 -> LonLat.of(x, y);
      case WEB_MERCATOR -> viaProj4(this, WGS84, x, y);
      case GCJ02 -> ChinaCoordinates.gcj02ToWgs84(LonLat.of(x, y));
      case BD09 -> ChinaCoordinates.bd09ToWgs84(LonLat.of(x, y));
    };
  }

  /** A WGS84 position in this system, as {x, y}. */
  public double[] fromWgs84(LonLat p) {
    return switch (this) {
      case WGS84, CGCS2000 -> new double[] {p.lon(), p.lat()};
      case WEB_MERCATOR -> {
        ProjCoordinate out = transform(WGS84, this, p.lon(), p.lat());
        yield new double[] {out.x, out.y};
      }
      case GCJ02 -> lonLat(ChinaCoordinates.wgs84ToGcj02(p));
      case BD09 -> lonLat(ChinaCoordinates.wgs84ToBd09(p));
    };
  }

  private static double[] lonLat(LonLat p) {
    return new double[] {p.lon(), p.lat()};
  }

  private static LonLat viaProj4(Crs from, Crs to, double x, double y) {
    ProjCoordinate out = transform(from, to, x, y);
    return LonLat.of(out.x, out.y);
  }

  private static ProjCoordinate transform(Crs from, Crs to, double x, double y) {
    CoordinateTransform transform = TRANSFORMS.createTransform(from.proj4j(), to.proj4j());
    ProjCoordinate out = new ProjCoordinate();
    transform.transform(new ProjCoordinate(x, y), out);
    return out;
  }

  private CoordinateReferenceSystem proj4j() {
    return FACTORY.createFromParameters(code, proj4);
  }
}
