package com.cityops.map.measure;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.data.Feature;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class MeasurementTest {
  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void matchesGeographicLibsDocumentedJfkToHeathrowExample() {
    // GeographicLib's own example (Geodesic docs): JFK (40.6, -73.8) to LHR (51.6, -0.5),
    // s12 = 5551759.400319 m.
    double d = Measurement.lengthMetres(List.of(LonLat.of(-73.8, 40.6), LonLat.of(-0.5, 51.6)));
    assertThat(d).isCloseTo(5551759.400319, within(1e-5));
  }

  @Test
  void matchesThePublishedAreaOfAOneDegreeSquareAtTheOrigin() {
    // The geographiclib-rs port documents (0,0) (0,1) (1,1) (1,0) on WGS84: 12308778361.469452 m².
    List<LonLat> square =
        List.of(LonLat.of(0, 0), LonLat.of(1, 0), LonLat.of(1, 1), LonLat.of(0, 1));
    assertThat(Measurement.areaSquareMetres(square)).isCloseTo(12308778361.469452, within(1e-3));
    // Either orientation, closed or open.
    List<LonLat> clockwiseClosed =
        List.of(
            LonLat.of(0, 0), LonLat.of(0, 1), LonLat.of(1, 1), LonLat.of(1, 0), LonLat.of(0, 0));
    assertThat(Measurement.areaSquareMetres(clockwiseClosed))
        .isCloseTo(12308778361.469452, within(1e-3));
    assertThat(Measurement.areaSquareMetres(List.of(LonLat.of(0, 0), LonLat.of(1, 1)))).isZero();
  }

  /** Great-circle distance on the mean-radius sphere: an independent check, good to ~0.5 %. */
  static double haversine(LonLat a, LonLat b) {
    double r = 6_371_008.8;
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }

  @Test
  void peoplesSquareToPudongAirportAgreesWithAnIndependentSphericalEstimate() {
    LonLat peoplesSquare = LonLat.of(121.4737, 31.2304);
    LonLat pudongAirport = LonLat.of(121.8053, 31.1433); // 31°08′36″N 121°48′19″E
    double geodesic = Measurement.lengthMetres(List.of(peoplesSquare, pudongAirport));
    // Straight-line (not road) distance: about 33 km.
    assertThat(geodesic).isBetween(32_000.0, 34_000.0);
    assertThat(geodesic)
        .isCloseTo(haversine(peoplesSquare, pudongAirport), within(geodesic * 0.005));
    // The same from Mercator coordinates, which the map holds.
    double fromMercator =
        Measurement.lengthOfMercator(
            new Coordinate(WebMercator.x(121.4737), WebMercator.y(31.2304)),
            new Coordinate(WebMercator.x(121.8053), WebMercator.y(31.1433)));
    assertThat(fromMercator).isCloseTo(geodesic, within(1e-3));
    // Mercator metres would exaggerate by 1/cos(lat): the reason to measure on the ellipsoid.
    double planar =
        Math.hypot(
            WebMercator.x(121.8053) - WebMercator.x(121.4737),
            WebMercator.y(31.1433) - WebMercator.y(31.2304));
    assertThat(planar / geodesic).isBetween(1.15, 1.19);
  }

  @Test
  void areaOfARealDistrictAndOfShanghai() {
    MemoryFeatureSource districts =
        GeoJsonDataStore.read(fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
    double huangpu = 0;
    for (Feature f : districts.all()) {
      double area = 0;
      double planar = 0;
      Geometry g = f.geometry();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        area += Measurement.areaOfMercator((Polygon) g.getGeometryN(i));
        planar += g.getGeometryN(i).getArea();
      }
      // Independent estimate: Mercator area shrunk by the squared scale factor at the district's
      // latitude; districts are small enough for that to hold to well under 1 %.
      double lat = WebMercator.inverse(0, g.getCentroid().getY()).lat();
      double scale = Math.cos(Math.toRadians(lat));
      assertThat(area).as(f.text("name")).isCloseTo(planar * scale * scale, within(area * 0.01));
      if ("黄浦区".equals(f.text("name"))) {
        huangpu = area;
      }
    }
    // Official figure: 黄浦区 20.5 km² (the fixture's outline is simplified).
    assertThat(huangpu / 1e6).isBetween(17.0, 24.0);
  }

  @Test
  void holesAreSubtracted() {
    Polygon withHole =
        GF.createPolygon(
            GF.createLinearRing(ring(0, 0, 1000)),
            new org.locationtech.jts.geom.LinearRing[] {GF.createLinearRing(ring(250, 250, 500))});
    double shell = Measurement.areaOfMercator(GF.createPolygon(ring(0, 0, 1000)));
    double hole = Measurement.areaOfMercator(GF.createPolygon(ring(250, 250, 500)));
    assertThat(Measurement.areaOfMercator(withHole)).isCloseTo(shell - hole, within(1e-6));
    // At the equator a Mercator square of 1 km is nearly 1 km² on the ground.
    assertThat(shell).isCloseTo(1e6, within(1e6 * 0.01));
  }

  static Coordinate[] ring(double x, double y, double size) {
    return new Coordinate[] {
      new Coordinate(x, y),
      new Coordinate(x + size, y),
      new Coordinate(x + size, y + size),
      new Coordinate(x, y + size),
      new Coordinate(x, y)
    };
  }

  @Test
  void formatsLocaleNeutrally() {
    assertThat(Measurement.formatDistance(0)).isEqualTo("0 m");
    assertThat(Measurement.formatDistance(3.456)).isEqualTo("3.46 m");
    assertThat(Measurement.formatDistance(850.4)).isEqualTo("850 m");
    assertThat(Measurement.formatDistance(1250)).isEqualTo("1.25 km");
    assertThat(Measurement.formatDistance(39_140)).isEqualTo("39.1 km");
    assertThat(Measurement.formatDistance(1_234_500)).isEqualTo("1235 km");
    assertThat(Measurement.formatArea(950)).isEqualTo("950 m²");
    assertThat(Measurement.formatArea(250_000)).isEqualTo("0.25 km²");
    assertThat(Measurement.formatArea(6_340_500_000.0)).isEqualTo("6341 km²");
    assertThatThrownBy(() -> Measurement.formatDistance(Double.NaN))
        .hasMessageContaining("finite and ≥ 0");
  }
}
