package com.cityops.map.data;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.geo.Crs;
import com.cityops.map.geo.WebMercator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GeoJsonDataStoreTest {
  @Test
  void readsShanghaisRealDistrictsWithTheirChineseNames() {
    MemoryFeatureSource districts =
        GeoJsonDataStore.read(fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
    assertThat(districts.all()).hasSize(16);
    assertThat(districts.all()).extracting(f -> f.text("name")).contains("黄浦区", "普陀区", "崇明区");
    Envelope bounds = districts.bounds();
    assertThat(bounds.getMinX()).isBetween(WebMercator.x(120.8), WebMercator.x(121.0));
    assertThat(bounds.getMaxY()).isBetween(WebMercator.y(31.8), WebMercator.y(31.9));
  }

  @Test
  void answersAreaQueriesFromItsIndex() {
    MemoryFeatureSource districts =
        GeoJsonDataStore.read(fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
    double x = WebMercator.x(121.4737);
    double y = WebMercator.y(31.2304); // People's Square, 黄浦区
    assertThat(districts.features(new Envelope(x - 10, x + 10, y - 10, y + 10)))
        .extracting(f -> f.text("name"))
        .contains("黄浦区")
        .doesNotContain("崇明区");
  }

  @Test
  void convertsChineseOffsetCoordinates() {
    String gcj =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"p\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.4781,31.2285]}}]}";
    Feature p = GeoJsonDataStore.read(gcj, "poi", Crs.GCJ02).all().get(0);
    // GCJ-02 is offset by a few hundred metres from WGS84 in Shanghai.
    double shift = Math.abs(p.geometry().getCoordinate().x - WebMercator.x(121.4781));
    assertThat(shift).isBetween(300.0, 700.0);
  }

  @Test
  void leavesJsonNullPropertiesOut() {
    String withNull =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"p\","
            + "\"properties\":{\"name\":\"x\",\"abbreviation\":null},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.4,31.2]}}]}";
    Feature p = GeoJsonDataStore.read(withNull, "poi", Crs.WGS84).all().get(0);
    assertThat(p.attributes()).containsOnlyKeys("name");
    assertThat(p.text("abbreviation")).isNull();
  }

  @Test
  void rejectsBrokenInputWithAReasonNamingTheLayerAndFeature() {
    assertThatThrownBy(() -> GeoJsonDataStore.read("{\"type\":", "roads", Crs.WGS84))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("layer 'roads' is not valid JSON");
    assertThatThrownBy(() -> GeoJsonDataStore.read("{\"type\":\"Feature\"}", "roads", Crs.WGS84))
        .hasMessageContaining("not a GeoJSON FeatureCollection");
    String badGeometry =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"r7\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[1,2]]}}]}";
    assertThatThrownBy(() -> GeoJsonDataStore.read(badGeometry, "roads", Crs.WGS84))
        .hasMessageContaining("feature r7")
        .hasMessageContaining("unreadable geometry");
  }
}
