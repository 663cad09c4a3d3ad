package com.cityops.map.measure;

import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Ground truth for the measuring tool: lengths along geodesics and areas of geodesic polygons on
 * the WGS84 ellipsoid (GeographicLib, accurate to nanometres), never on the Mercator plane, which
 * exaggerates Shanghai's distances by about 17 % (1/cos 31°). Positions are WGS84 lon/lat or
 * EPSG:3857 metres (what the map holds). Text is locale-neutral ({@code "1.25 km"}, {@code "3.4
 * km²"}): the app translates units. Pure functions, thread-safe.
 */
public final class Measurement {
  private Measurement() {}

  /** Length in metres of the path through {@code points} in order (0 for fewer than two). */
  public static double lengthMetres(List<LonLat> points) {
    double total = 0;
    for (int i = 1; i < points.size(); i++) {
      LonLat a = points.get(i - 1);
      LonLat b = points.get(i);
      total +=
          Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon(), GeodesicMask.DISTANCE).s12;
    }
    return total;
  }

  /**
   * Area in m² enclosed by the ring (closed or not; either orientation; no self-intersections), 0
   * for fewer than three distinct points.
   */
  public static double areaSquareMetres(List<LonLat> ring) {
    List<LonLat> open = new ArrayList<>(ring);
    if (open.size() > 1 && open.get(0).equals(open.get(open.size() - 1))) {
      open.remove(open.size() - 1);
    }
    if (open.size() < 3) {
      return 0;
    }
    PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
    for (LonLat p : open) {
      polygon.AddPoint(p.lat(), p.lon());
    }
    // sign = true: a clockwise ring gives a negative area rather than the rest of the Earth.
    PolygonResult result = polygon.Compute(false, true);
    return Math.abs(result.area);
  }

  /** Length in metres of a path given in EPSG:3857 metres. */
  public static double lengthOfMercator(Coordinate... path) {
    return lengthMetres(toLonLat(path));
  }

  /** Area in m² of a polygon in EPSG:3857 metres: its shell minus its holes. */
  public static double areaOfMercator(Polygon polygon) {
    double area = areaSquareMetres(toLonLat(polygon.getExteriorRing().getCoordinates()));
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      area -= areaSquareMetres(toLonLat(polygon.getInteriorRingN(i).getCoordinates()));
    }
    return area;
  }

  private static List<LonLat> toLonLat(Coordinate[] path) {
    List<LonLat> out = new ArrayList<>(path.length);
    for (Coordinate c : path) {
      out.add(WebMercator.inverse(c.x, c.y));
    }
    return out;
  }

  /** {@code "850 m"} below 1 km, then {@code "1.25 km"}, {@code "39.1 km"}, {@code "1234 km"}. */
  public static String formatDistance(double metres) {
    requireMeasure(metres);
    if (metres < 1000) {
      return round(metres, 3) + " m";
    }
    return round(metres / 1000, 3) + " km";
  }

  /** {@code "950 m²"} below 0.1 km², then {@code "0.25 km²"}, {@code "6341 km²"}. */
  public static String formatArea(double squareMetres) {
    requireMeasure(squareMetres);
    if (squareMetres < 100_000) {
      return round(squareMetres, 3) + " m²";
    }
    return round(squareMetres / 1e6, 3) + " km²";
  }

  private static void requireMeasure(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("a length or area must be finite and ≥ 0, got " + value);
    }
  }

  /**
   * {@code significant} significant digits, but never rounding away whole units ("1234", not
   * "1230"), without trailing zeros.
   */
  private static String round(double value, int significant) {
    BigDecimal d = new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_UP));
    if (d.precision() - d.scale() > significant) {
      d = new BigDecimal(value).setScale(0, RoundingMode.HALF_UP);
    }
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
