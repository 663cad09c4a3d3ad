package com.cityops.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.measure.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our coordinate conversions against values published by others, not against themselves. GCJ-02 and
 * BD-09: the README of wandergis/coordtransform (the widely used JS library) for the point
 * (116.404, 39.915). EPSG:4326 → 3857: a published proj-style conversion of New York and the Web
 * Mercator extent ±20037508.342789244 m (epsg.io lists ±20037508.34).
 */
class CrsReferenceTest {
  static final LonLat BEIJING = LonLat.of(116.404, 39.915);

  static double metresBetween(LonLat a, LonLat b) {
    return Measurement.lengthMetres(List.of(a, b));
  }

  @Test
  void wgs84ToGcj02MatchesCoordtransformExactly() {
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(BEIJING);
    assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-12));
    assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-12));
  }

  @Test
  void gcj02ToBd09MatchesCoordtransformExactly() {
    LonLat bd = ChinaCoordinates.gcj02ToBd09(BEIJING);
    assertThat(bd.lon()).isCloseTo(116.41036949371029, within(1e-12));
    assertThat(bd.lat()).isCloseTo(39.92133699351021, within(1e-12));
  }

  @Test
  void bd09ToGcj02IsWithinCentimetresOfCoordtransformsClosedFormAndInvertsBetter() {
    // coordtransform uses the closed-form approximation; ours refines it by iteration.
    LonLat published = LonLat.of(116.39762729119315, 39.90865673957631);
    LonLat ours = ChinaCoordinates.bd09ToGcj02(BEIJING);
    assertThat(metresBetween(ours, published)).isLessThan(0.5);
    LonLat forwardOfOurs = ChinaCoordinates.gcj02ToBd09(ours);
    LonLat forwardOfPublished = ChinaCoordinates.gcj02ToBd09(published);
    assertThat(metresBetween(forwardOfOurs, BEIJING)).isLessThan(1e-4);
    assertThat(metresBetween(forwardOfOurs, BEIJING))
        .isLessThanOrEqualTo(metresBetween(forwardOfPublished, BEIJING));
  }

  @Test
  void gcj02ToWgs84IsWithinAMetreOfCoordtransformsOneStepInverseAndInvertsBetter() {
    // coordtransform's gcj02towgs84 is the one-step approximation (2·gcj − forward(gcj)); ours
    // iterates to 1e-10°, so the two differ by the approximation's error.
    LonLat published = LonLat.of(116.39775550083061, 39.91359571849836);
    LonLat ours = ChinaCoordinates.gcj02ToWgs84(BEIJING);
    assertThat(metresBetween(ours, published)).isLessThan(1.0);
    assertThat(metresBetween(ChinaCoordinates.wgs84ToGcj02(ours), BEIJING)).isLessThan(1e-3);
    assertThat(metresBetween(ChinaCoordinates.wgs84ToGcj02(ours), BEIJING))
        .isLessThan(metresBetween(ChinaCoordinates.wgs84ToGcj02(published), BEIJING));
  }

  @Test
  void proj4jWebMercatorMatchesPublishedValues() {
    // New York, as published for the standard 4326 → 3857 formula.
    double[] nyc = Crs.WEB_MERCATOR.fromWgs84(LonLat.of(-74.006, 40.7128));
    assertThat(nyc[0]).isCloseTo(-8238310.235647004, within(1e-6));
    assertThat(nyc[1]).isCloseTo(4970071.579142427, within(1e-6));
    // The world's edge: x = π·6378137 at 180°, and the square world's top at 85.0511287798°.
    double[] corner = Crs.WEB_MERCATOR.fromWgs84(LonLat.of(180, 85.05112877980659));
    assertThat(corner[0]).isCloseTo(20037508.342789244, within(1e-6));
    assertThat(corner[1]).isCloseTo(20037508.342789244, within(1e-3));
    // People's Square, Shanghai; and proj4j agrees with our own closed form.
    double[] shanghai = Crs.WEB_MERCATOR.fromWgs84(LonLat.of(121.4737, 31.2304));
    assertThat(shanghai[0]).isCloseTo(13522390.428774875, within(1e-6));
    assertThat(shanghai[1]).isCloseTo(3662707.257050402, within(1e-6));
    assertThat(shanghai[0]).isCloseTo(WebMercator.x(121.4737), within(1e-6));
    assertThat(shanghai[1]).isCloseTo(WebMercator.y(31.2304), within(1e-6));
    LonLat back = Crs.WEB_MERCATOR.toWgs84(shanghai[0], shanghai[1]);
    assertThat(back.lon()).isCloseTo(121.4737, within(1e-10));
    assertThat(back.lat()).isCloseTo(31.2304, within(1e-10));
  }
}
