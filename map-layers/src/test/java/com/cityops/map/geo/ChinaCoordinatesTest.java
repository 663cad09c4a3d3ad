package com.cityops.map.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinaCoordinatesTest {

  @ParameterizedTest(name = "({0}, {1})")
  @CsvSource({
    "121.4737, 31.2304",
    "116.3913, 39.9062",
    "110.9254, 21.6630",
    "120.7526, 31.6539",
    "87.6168, 43.8256"
  })
  void gcj02RoundTripsToBelowAMillimetre(double lon, double lat) {
    LonLat wgs = LonLat.of(lon, lat);
    LonLat back = ChinaCoordinates.gcj02ToWgs84(ChinaCoordinates.wgs84ToGcj02(wgs));
    assertThat(back.lon()).isCloseTo(lon, within(1e-8));
    assertThat(back.lat()).isCloseTo(lat, within(1e-8));
    LonLat viaBaidu = ChinaCoordinates.bd09ToWgs84(ChinaCoordinates.wgs84ToBd09(wgs));
    assertThat(viaBaidu.lon()).isCloseTo(lon, within(1e-8));
    assertThat(viaBaidu.lat()).isCloseTo(lat, within(1e-8));
  }

  @Test
  void gcj02ShiftsShanghaiByAFewHundredMetres() {
    // Known behaviour in Shanghai: GCJ-02 lies roughly 0.004° east and 0.002° south of WGS84 (~450
    // m).
    LonLat wgs = LonLat.of(121.4737, 31.2304);
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(wgs);
    assertThat(gcj.lon() - wgs.lon()).isBetween(0.003, 0.006);
    assertThat(gcj.lat() - wgs.lat()).isBetween(-0.004, -0.001);
  }

  @Test
  void baiduAddsItsOwnShiftOnTopOfGcj02() {
    LonLat gcj = ChinaCoordinates.wgs84ToGcj02(LonLat.of(121.4737, 31.2304));
    LonLat bd = ChinaCoordinates.gcj02ToBd09(gcj);
    assertThat(bd.lon() - gcj.lon()).isBetween(0.005, 0.008);
    assertThat(bd.lat() - gcj.lat()).isBetween(0.004, 0.008);
  }

  @Test
  void leavesPositionsOutsideChinaAlone() {
    LonLat london = LonLat.of(-0.1276, 51.5072);
    assertThat(ChinaCoordinates.wgs84ToGcj02(london)).isEqualTo(london);
    assertThat(ChinaCoordinates.gcj02ToWgs84(london)).isEqualTo(london);
  }

  @Test
  void cgcs2000IsWgs84AtMapScaleButKeepsItsName() {
    assertThat(Crs.ofCode("EPSG:4490")).isEqualTo(Crs.CGCS2000);
    assertThat(Crs.CGCS2000.toWgs84(121.4737, 31.2304)).isEqualTo(LonLat.of(121.4737, 31.2304));
    LonLat viaMercator = Crs.WEB_MERCATOR.toWgs84(WebMercator.x(121.4737), WebMercator.y(31.2304));
    assertThat(viaMercator.lon()).isCloseTo(121.4737, within(1e-9));
    assertThat(viaMercator.lat()).isCloseTo(31.2304, within(1e-9));
  }
}
