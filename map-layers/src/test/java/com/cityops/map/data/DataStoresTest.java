package com.cityops.map.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.MapFixtures;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sources a style file can name, each from a real file (or a real HTTP server). */
class DataStoresTest {
  private static final Path FIXTURES =
      MapFixtures.fixture("shanghai-districts.geojson").getParent();

  @Test
  void opensEachKindOfSourceRelativeToTheStyleFile() {
    assertThat(
            count(DataStores.open("geojson", "shanghai-districts.geojson", null, null, FIXTURES)))
        .isEqualTo(16);
    assertThat(
            count(DataStores.open("shapefile", "shanghai-districts-gbk.shp", null, null, FIXTURES)))
        .isEqualTo(16);
    String table =
        GeoPackageDataStore.open(FIXTURES.resolve("shanghai-districts.gpkg"))
            .featureTables()
            .get(0);
    assertThat(count(DataStores.open("gpkg", "shanghai-districts.gpkg", null, table, FIXTURES)))
        .isEqualTo(16);
  }

  @Test
  void fetchesGeoJsonFromAUrl() throws Exception {
    byte[] body = Files.readAllBytes(FIXTURES.resolve("shanghai-districts.geojson"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/districts.geojson",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/geo+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(
              count(
                  DataStores.open("geojson", url + "/districts.geojson", "EPSG:4326", null, null)))
          .isEqualTo(16);
      assertThatThrownBy(() -> DataStores.open("geojson", url + "/missing", null, null, null))
          .isInstanceOf(MapDataException.class)
          .hasMessageContaining("HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void saysWhatIsMissingOrUnknown() {
    assertThatThrownBy(() -> DataStores.open("kml", "x.kml", null, null, FIXTURES))
        .hasMessageContaining("unknown source type 'kml'");
    assertThatThrownBy(
            () -> DataStores.open("gpkg", "shanghai-districts.gpkg", null, null, FIXTURES))
        .hasMessageContaining("say which table");
    assertThatThrownBy(() -> DataStores.open("geojson", "", null, null, FIXTURES))
        .hasMessageContaining("needs a path or URL");
  }

  private static int count(FeatureSource source) {
    return source.features(source.bounds()).size();
  }
}
