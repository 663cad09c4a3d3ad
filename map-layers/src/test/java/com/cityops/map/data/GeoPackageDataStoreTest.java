package com.cityops.map.data;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.geo.WebMercator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class GeoPackageDataStoreTest {
  static final Path GPKG = fixture("shanghai-districts.gpkg");

  @Test
  void listsTheFeatureTablesOfARealGeoPackage() {
    try (GeoPackageDataStore store = GeoPackageDataStore.open(GPKG)) {
      assertThat(store.featureTables())
          .containsExactly("districts", "districts_cgcs2000", "districts_webmercator");
    }
  }

  @Test
  void readsShanghaisDistrictsFromWgs84WithChineseNamesAndPlausibleGeometry() {
    MemoryFeatureSource districts = GeoPackageDataStore.read(GPKG, "districts");
    assertThat(districts.name()).isEqualTo("districts");
    assertThat(districts.all()).hasSize(16);
    assertThat(districts.all())
        .extracting(f -> f.text("name"))
        .contains("浦东新区", "黄浦区", "普陀区", "崇明区");
    // The source has no adcode for 崇明区: absent, not an empty string.
    assertThat(byName(districts, "崇明区").attributes()).containsOnlyKeys("name");
    Envelope bounds = districts.bounds();
    assertThat(bounds.getMinX()).isBetween(WebMercator.x(120.8), WebMercator.x(121.0));
    assertThat(bounds.getMaxY()).isBetween(WebMercator.y(31.8), WebMercator.y(31.9));
    Feature pudong = byName(districts, "浦东新区");
    // GDAL measures this outline at 1,696 km² in UTM 51N (ST_Area(ST_Transform(geom, 32651)));
    // the official 1,210 km² excludes the tidal flats the outline includes. Mercator at 31° N
    // inflates areas by 1/cos²(lat).
    double groundKm2 =
        pudong.geometry().getArea() * Math.pow(Math.cos(Math.toRadians(31.2)), 2) / 1e6;
    assertThat(groundKm2).isBetween(1650.0, 1750.0);
    assertThat(pudong.attributes().get("adcode")).isEqualTo("310115");
  }

  @Test
  void cgcs2000AndWebMercatorTablesLandWhereTheWgs84OneDoes() {
    MemoryFeatureSource wgs84 = GeoPackageDataStore.read(GPKG, "districts");
    MemoryFeatureSource cgcs = GeoPackageDataStore.read(GPKG, "districts_cgcs2000");
    MemoryFeatureSource mercator = GeoPackageDataStore.read(GPKG, "districts_webmercator");
    Feature reference = byName(wgs84, "普陀区");
    for (MemoryFeatureSource other : new MemoryFeatureSource[] {cgcs, mercator}) {
      Feature putuo = byName(other, "普陀区");
      assertThat(putuo.geometry().getCentroid().getX())
          .isCloseTo(reference.geometry().getCentroid().getX(), within(1.0));
      assertThat(putuo.geometry().getCentroid().getY())
          .isCloseTo(reference.geometry().getCentroid().getY(), within(1.0));
      assertThat(putuo.geometry().getArea())
          .isCloseTo(reference.geometry().getArea(), within(reference.geometry().getArea() * 1e-6));
    }
  }

  @Test
  void rejectsATextFileNamedGpkgWithThePathAndReason(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("districts.gpkg");
    Files.writeString(fake, "this is not a database, just text\n".repeat(50));
    assertThatThrownBy(() -> GeoPackageDataStore.open(fake))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining(fake.toString())
        .hasMessageContaining("cannot open GeoPackage");
  }

  @Test
  void rejectsATruncatedGeoPackage(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.gpkg");
    byte[] all = Files.readAllBytes(GPKG);
    Files.write(cut, Arrays.copyOf(all, 8192));
    assertThatThrownBy(
            () -> {
              try (GeoPackageDataStore store = GeoPackageDataStore.open(cut)) {
                store.read("districts");
              }
            })
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining(cut.toString());
  }

  @Test
  void rejectsAMissingFileAndAnUnknownTable(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.gpkg");
    assertThatThrownBy(() -> GeoPackageDataStore.open(missing))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> GeoPackageDataStore.read(GPKG, "roads"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("no feature table 'roads'")
        .hasMessageContaining("districts_cgcs2000");
  }

  @Test
  void rejectsATableInAnUnsupportedSrsNamingIt(@TempDir Path dir) throws Exception {
    Path utm = dir.resolve("utm.gpkg");
    Files.copy(GPKG, utm);
    // Relabel one table as UTM zone 51N, a projected SRS the map engine does not convert.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + utm);
        Statement sql = db.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization,"
              + " organization_coordsys_id, definition) VALUES ('WGS 84 / UTM zone 51N', 32651,"
              + " 'EPSG', 32651, 'undefined')");
      sql.executeUpdate("UPDATE gpkg_contents SET srs_id = 32651 WHERE table_name = 'districts'");
      sql.executeUpdate(
          "UPDATE gpkg_geometry_columns SET srs_id = 32651 WHERE table_name = 'districts'");
    }
    assertThatThrownBy(() -> GeoPackageDataStore.read(utm, "districts"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("table 'districts'")
        .hasMessageContaining("EPSG:32651")
        .hasMessageContaining("supported: EPSG:4326, EPSG:4490, EPSG:3857");
  }

  static Feature byName(MemoryFeatureSource source, String name) {
    return source.all().stream().filter(f -> name.equals(f.text("name"))).findFirst().orElseThrow();
  }
}
