package com.cityops.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebMercatorTest {

  @ParameterizedTest(name = "({0}, {1})")
  @CsvSource({"0, 0", "121.4737, 31.2304", "-74.0060, 40.7128", "179.9, -85", "113.2644, 23.1291"})
  void agreesWithProj4jToAMillimetre(double lon, double lat) {
    double[] proj4j = Crs.WEB_MERCATOR.fromWgs84(LonLat.of(lon, lat));
    assertThat(WebMercator.x(lon)).isCloseTo(proj4j[0], within(0.001));
    assertThat(WebMercator.y(lat)).isCloseTo(proj4j[1], within(0.001));
  }

  @Test
  void worldEdgesAreWhereTheSchemeSaysTheyAre() {
    assertThat(WebMercator.x(180)).isCloseTo(20_037_508.342789244, within(1e-6));
    assertThat(WebMercator.y(WebMercator.MAX_LAT)).isCloseTo(20_037_508.342789244, within(1e-3));
    assertThat(WebMercator.pixelY(WebMercator.MAX_LAT, 0)).isCloseTo(0, within(1e-6));
  }

  @ParameterizedTest(name = "({0}, {1}) round trip")
  @CsvSource({"121.4737, 31.2304", "-0.1276, 51.5072", "151.2093, -33.8688"})
  void inverseUndoesTheProjection(double lon, double lat) {
    LonLat back = WebMercator.inverse(WebMercator.x(lon), WebMercator.y(lat));
    assertThat(back.lon()).isCloseTo(lon, within(1e-9));
    assertThat(back.lat()).isCloseTo(lat, within(1e-9));
  }

  @ParameterizedTest(name = "Shanghai People's Square at z{0} is {1}/{2}")
  @CsvSource({"0, 0, 0", "10, 857, 418", "14, 13720, 6694"})
  void findsTheTileOfAPosition(int z, int x, int y) {
    assertThat(WebMercator.tileAt(LonLat.of(121.4737, 31.2304), z)).isEqualTo(TileId.of(z, x, y));
  }

  @Test
  void tileOriginIsTheNorthWestCorner() {
    TileId tile = WebMercator.tileAt(LonLat.of(121.4737, 31.2304), 12);
    LonLat origin = WebMercator.tileOrigin(tile);
    assertThat(origin.lon()).isLessThanOrEqualTo(121.4737);
    assertThat(origin.lat()).isGreaterThanOrEqualTo(31.2304);
    assertThat(WebMercator.tileAt(LonLat.of(origin.lon() + 1e-9, origin.lat() - 1e-9), 12))
        .isEqualTo(tile);
  }

  @Test
  void metresPerPixelShrinkWithLatitudeAndZoom() {
    assertThat(WebMercator.metresPerPixel(0, 0)).isCloseTo(156_543.034, within(0.01));
    assertThat(WebMercator.metresPerPixel(31.23, 12))
        .isCloseTo(156_543.034 / 4096 * Math.cos(Math.toRadians(31.23)), within(1e-6));
  }

  @Test
  void tilesRefuseImpossibleNumbers() {
    assertThatThrownBy(() -> TileId.of(3, 8, 0)).hasMessageContaining("outside the 8×8 grid");
    assertThat(TileId.of(10, 857, 418).parent()).isEqualTo(TileId.of(9, 428, 209));
    assertThat(TileId.of(1, 0, 0).tmsY()).isEqualTo(1);
    assertThatThrownBy(() -> LonLat.of(31.2, 121.4)).hasMessageContaining("lon");
  }
}
