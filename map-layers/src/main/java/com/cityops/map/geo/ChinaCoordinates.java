package com.cityops.map.geo;

/**
 * The Chinese offset coordinate systems: GCJ-02 (国测局坐标, used by most Chinese web maps and by law
 * for published maps) and BD-09 (Baidu). WGS84 → GCJ-02 is the published obfuscation formula (no
 * offset outside China); its inverse has no closed form and is solved by fixed-point iteration to
 * below 1e-9 degrees; the BD-09 inverse is refined the same way. Pure functions.
 */
public final class ChinaCoordinates {
  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  private ChinaCoordinates() {}

  /**
   * Whether the offset applies (a rough rectangle around China, as the formula's users define it).
   */
  public static boolean inChina(LonLat p) {
    return p.lon() >= 72.004 && p.lon() <= 137.8347 && p.lat() >= 0.8293 && p.lat() <= 55.8271;
  }

  public static LonLat wgs84ToGcj02(LonLat wgs) {
    if (!inChina(wgs)) {
      return wgs;
    }
    double[] d = delta(wgs.lon(), wgs.lat());
    return LonLat.of(wgs.lon() + d[0], wgs.lat() + d[1]);
  }

  public static LonLat gcj02ToWgs84(LonLat gcj) {
    if (!inChina(gcj)) {
      return gcj;
    }
    double lon = gcj.lon();
    double lat = gcj.lat();
    for (int i = 0; i < 30; i++) {
      LonLat forward = wgs84ToGcj02(LonLat.of(lon, lat));
      double dLon = forward.lon() - gcj.lon();
      double dLat = forward.lat() - gcj.lat();
      lon -= dLon;
      lat -= dLat;
      if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) {
        break;
      }
    }
    return LonLat.of(lon, lat);
  }

  public static LonLat gcj02ToBd09(LonLat gcj) {
    double x = gcj.lon();
    double y = gcj.lat();
    double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
    return LonLat.of(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
  }

  /**
   * The usual closed-form inverse is off by ~1e-6° (0.1 m); refine it by fixed-point iteration so a
   * round trip returns the same point.
   */
  public static LonLat bd09ToGcj02(LonLat bd) {
    LonLat gcj = bd09ToGcj02Approx(bd);
    for (int i = 0; i < 10; i++) {
      LonLat forward = gcj02ToBd09(gcj);
      double dLon = forward.lon() - bd.lon();
      double dLat = forward.lat() - bd.lat();
      gcj = LonLat.of(gcj.lon() - dLon, gcj.lat() - dLat);
      if (Math.abs(dLon) < 1e-11 && Math.abs(dLat) < 1e-11) {
        break;
      }
    }
    return gcj;
  }

  private static LonLat bd09ToGcj02Approx(LonLat bd) {
    double x = bd.lon() - 0.0065;
    double y = bd.lat() - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    return LonLat.of(z * Math.cos(theta), z * Math.sin(theta));
  }

  public static LonLat wgs84ToBd09(LonLat wgs) {
    return gcj02ToBd09(wgs84ToGcj02(wgs));
  }

  public static LonLat bd09ToWgs84(LonLat bd) {
    return gcj02ToWgs84(bd09ToGcj02(bd));
  }

  private static double[] delta(double lon, double lat) {
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = Math.toRadians(lat);
    double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {dLon, dLat};
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
