package com.cityops.sim.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.Json;
import com.cityops.map.data.MapDataException;
import com.cityops.map.tiles.TileFormat;
import com.cityops.map.tiles.TileJson;
import com.cityops.map.tiles.TileSourceInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class TileJsonDocumentTest {
  static final Path FILE = Path.of("packs", "demo.mbtiles");
  static final String BASE = "http://127.0.0.1:8787";

  static TilePackInfo vector(TilePackInfo.Center center, List<JsonNode> layers) {
    return new TilePackInfo(
        "Demo",
        TileFormat.MVT,
        6,
        10,
        new Envelope(120.8, 122.0, 30.6, 31.9),
        "© CityOps",
        "district boundaries",
        center,
        layers);
  }

  static JsonNode written(Map<String, Object> doc) {
    return Json.readTree(Json.write(doc));
  }

  @Test
  void aVectorPackIsTileJson300WithAbsoluteXyzUrlsAndItsLayers() {
    JsonNode layer = Json.readTree("{\"id\":\"districts\",\"fields\":{\"name\":\"String\"}}");
    JsonNode doc =
        written(
            TileJsonDocument.of(
                "demo", vector(new TilePackInfo.Center(121.4, 31.2, 7), List.of(layer)), BASE));

    assertThat(doc.get("tilejson").asText()).isEqualTo("3.0.0");
    assertThat(doc.get("tiles").get(0).asText())
        .isEqualTo("http://127.0.0.1:8787/tiles/demo/{z}/{x}/{y}.pbf");
    assertThat(doc.get("scheme").asText()).isEqualTo("xyz");
    assertThat(doc.get("format").asText()).isEqualTo("pbf");
    assertThat(doc.get("bounds").toString()).isEqualTo("[120.8,30.6,122.0,31.9]");
    assertThat(doc.get("center").toString()).isEqualTo("[121.4,31.2,7]");
    assertThat(doc.get("attribution").asText()).isEqualTo("© CityOps");
    assertThat(doc.get("description").asText()).isEqualTo("district boundaries");
    assertThat(doc.get("vector_layers")).containsExactly(layer);
  }

  @Test
  void rasterPacksHaveNoVectorLayersAndUnknownsAreLeftOut() {
    TilePackInfo raster =
        new TilePackInfo(
            "Raster", TileFormat.JPG, 8, 9, TileSourceInfo.WORLD, null, null, null, null);
    JsonNode doc = written(TileJsonDocument.of("sat", raster, BASE));

    assertThat(doc.get("tiles").get(0).asText()).endsWith("/tiles/sat/{z}/{x}/{y}.jpg");
    assertThat(doc.has("vector_layers")).isFalse();
    assertThat(doc.has("center")).isFalse();
    assertThat(doc.has("attribution")).isFalse();
    assertThat(doc.has("description")).isFalse();
  }

  @Test
  void aVectorPackWithoutLayerMetadataStillListsVectorLayers() {
    JsonNode doc = written(TileJsonDocument.of("demo", vector(null, List.of()), BASE));
    assertThat(doc.get("vector_layers").isArray()).isTrue();
    assertThat(doc.get("vector_layers")).isEmpty();
  }

  @Test
  void ourOwnTileJsonReaderReadsTheDocumentBack() {
    JsonNode layer = Json.readTree("{\"id\":\"districts\",\"fields\":{}}");
    String json = Json.write(TileJsonDocument.of("demo", vector(null, List.of(layer)), BASE));
    TileJson parsed = TileJson.parse(json, URI.create(BASE + TileJsonDocument.path("demo")));

    assertThat(parsed.info().format()).isEqualTo(TileFormat.MVT);
    assertThat(parsed.info().minZoom()).isEqualTo(6);
    assertThat(parsed.info().maxZoom()).isEqualTo(10);
    assertThat(parsed.info().vectorLayers()).containsExactly("districts");
    assertThat(parsed.info().attribution()).isEqualTo("© CityOps");
    assertThat(parsed.urls().url(com.cityops.map.geo.TileId.of(8, 213, 104)))
        .contains(BASE + "/tiles/demo/8/213/104.pbf");
  }

  @Test
  void theListEntryPointsAtTheDocument() {
    assertThat(TileJsonDocument.summary("demo", vector(null, List.of()), BASE))
        .containsEntry("id", "demo")
        .containsEntry("format", "pbf")
        .containsEntry("minzoom", 6)
        .containsEntry("maxzoom", 10)
        .containsEntry("tilejson", BASE + "/tiles/demo.json");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "121.4350585,31.2714845,6; 121.4350585; 31.2714845; 6",
        "121.4,31.2; 121.4; 31.2; 6", // no zoom: the pack's lowest
        "121.4, 31.2, 7.6; 121.4; 31.2; 8",
        "121.4,31.2,20; 121.4; 31.2; 10", // kept inside the pack's zoom range
        "121.4,31.2,0; 121.4; 31.2; 6"
      })
  void centersAreReadAsLonLatZoom(String value, double lon, double lat, int zoom) {
    assertThat(TilePack.center(FILE, value, 6, 10))
        .isEqualTo(new TilePackInfo.Center(lon, lat, zoom));
  }

  @Test
  void aMissingCenterIsUnknownAndABadOneFailsNamingFileAndValue() {
    assertThat(TilePack.center(FILE, null, 6, 10)).isNull();
    assertThat(TilePack.center(FILE, " ", 6, 10)).isNull();
    for (String bad : List.of("east,north", "31.2,121.4,6,1", "200,31,6", "121")) {
      assertThatThrownBy(() -> TilePack.center(FILE, bad, 6, 10))
          .as(bad)
          .isInstanceOf(MapDataException.class)
          .hasMessageContaining("demo.mbtiles")
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("lon,lat[,zoom]");
    }
  }

  @Test
  void vectorLayersGetTheFieldsTileJson300Requires() {
    List<JsonNode> layers =
        TilePack.vectorLayers(
            FILE,
            "{\"vector_layers\":[{\"id\":\"roads\",\"minzoom\":6},"
                + "{\"id\":\"water\",\"fields\":{\"kind\":\"String\"}}]}");
    assertThat(layers).hasSize(2);
    assertThat(layers.get(0).get("fields").isObject()).isTrue();
    assertThat(layers.get(0).get("minzoom").asInt()).isEqualTo(6);
    assertThat(layers.get(1).get("fields").get("kind").asText()).isEqualTo("String");
    assertThat(TilePack.vectorLayers(FILE, null)).isEmpty();
    assertThat(TilePack.vectorLayers(FILE, "{\"tilestats\":{}}")).isEmpty();

    assertThatThrownBy(() -> TilePack.vectorLayers(FILE, "{\"vector_layers\":[{\"fields\":{}}]}"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("no text 'id'");
    assertThatThrownBy(() -> TilePack.vectorLayers(FILE, "{oops"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("demo.mbtiles")
        .hasMessageContaining("not JSON");
  }
}
