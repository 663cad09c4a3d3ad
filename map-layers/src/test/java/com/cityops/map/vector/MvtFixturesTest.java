package com.cityops.map.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every numbered fixture of {@code @mapbox/mvt-fixtures}: valid ones decode to the features their
 * {@code tile.json} describes (properties from it, geometry checked against the library's own
 * reader, an independent decoder); invalid ones are rejected by the strict decoder, and the lenient
 * one keeps going exactly for those the suite calls recoverable.
 */
class MvtFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/mvt-fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where we knowingly differ from {@code info.json}, with the reason. Everything else follows the
   * suite's v2 verdict.
   */
  static final Map<String, String> REJECTED_THOUGH_VALID =
      Map.of(
          "057",
          "marked valid, but its MoveTo count 536,870,911 is followed by one coordinate pair;"
              + " spec §4.3.2 wants count pairs, and 051/058 (the same fault) are marked fatal",
          "061",
          "valid in v1 only (ClosePath in a linestring); we follow v2 and reject it");

  static final Map<String, String> ACCEPTED_THOUGH_INVALID =
      Map.of(
          "003",
          "byte for byte the same tile as 016, which is marked valid: a missing type is UNKNOWN by"
              + " the proto's default, and UNKNOWN features are ignored (reported when lenient)");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES.resolve("fixtures"))) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "fixture {0}")
  @MethodSource("fixtures")
  void fixtureIsJudgedLikeTheSuite(String name) throws IOException {
    Path dir = FIXTURES.resolve("fixtures").resolve(name);
    byte[] bytes = Files.readAllBytes(dir.resolve("tile.mvt"));
    JsonNode validity = JSON.readTree(dir.resolve("info.json").toFile()).path("validity");
    boolean valid =
        validity.path("v2").asBoolean() && !REJECTED_THOUGH_VALID.containsKey(name)
            || ACCEPTED_THOUGH_INVALID.containsKey(name);
    if (valid) {
      VectorTile tile = MvtDecoder.decode(bytes);
      if (Files.exists(dir.resolve("tile.json"))) {
        matchesExpectation(tile, JSON.readTree(dir.resolve("tile.json").toFile()), bytes);
      }
      return;
    }
    assertThatThrownBy(() -> MvtDecoder.decode(bytes))
        .isInstanceOf(VectorTileException.class)
        .hasMessageNotContaining("null");
    List<String> problems = new ArrayList<>();
    if ("recoverable".equals(validity.path("error").asText())) {
      MvtDecoder.decode(bytes, problems::add);
      assertThat(problems).as("a recoverable fixture reports what it skipped").isNotEmpty();
    } else {
      assertThatThrownBy(() -> MvtDecoder.decode(bytes, problems::add))
          .isInstanceOf(VectorTileException.class);
    }
  }

  private static void matchesExpectation(VectorTile tile, JsonNode expected, byte[] bytes)
      throws IOException {
    JtsMvt reference =
        MvtReader.loadMvt(
            new ByteArrayInputStream(bytes), new GeometryFactory(), new TagKeyValueMapConverter());
    JsonNode layers = expected.path("layers");
    assertThat(tile.layers()).hasSize(layers.size());
    for (int l = 0; l < layers.size(); l++) {
      JsonNode layer = layers.get(l);
      VectorTile.Layer actual = tile.layers().get(l);
      assertThat(actual.name()).isEqualTo(layer.path("name").asText());
      assertThat(actual.extent()).isEqualTo(layer.path("extent").asInt(4096));
      List<JsonNode> kept = new ArrayList<>();
      layer
          .path("features")
          .forEach(
              f -> {
                if (f.path("type").asInt() != 0) { // UNKNOWN: ignored, as the spec allows
                  kept.add(f);
                }
              });
      assertThat(actual.features()).hasSize(kept.size());
      List<Geometry> referenceGeometries =
          new ArrayList<>(((JtsLayer) reference.getLayers().toArray()[l]).getGeometries());
      for (int f = 0; f < kept.size(); f++) {
        JsonNode feature = kept.get(f);
        VectorTile.Feature got = actual.features().get(f);
        assertThat(got.id()).isEqualTo(feature.has("id") ? feature.get("id").asLong() : null);
        assertThat(got.type().ordinal() + 1).isEqualTo(feature.path("type").asInt());
        assertThat(got.properties()).isEqualTo(properties(layer, feature.path("tags")));
        if (withinInt(got.geometry())) {
          Geometry ref = referenceGeometries.get(f);
          assertThat(got.geometry().norm().equalsExact(ref.norm()))
              .as("geometry %s equals the library reader's %s", got.geometry(), ref)
              .isTrue();
        }
      }
    }
  }

  private static Map<String, Object> properties(JsonNode layer, JsonNode tags) {
    Map<String, Object> out = new HashMap<>();
    for (int t = 0; t < tags.size(); t += 2) {
      String key = layer.path("keys").get(tags.get(t).asInt()).asText();
      JsonNode value = layer.path("values").get(tags.get(t + 1).asInt());
      String kind = value.fieldNames().next();
      JsonNode v = value.get(kind);
      out.put(
          key,
          switch (kind) {
            case "string_value" -> v.asText();
            case "bool_value" -> v.asBoolean();
            case "float_value" -> (float) v.asDouble();
            case "double_value" -> v.asDouble();
            default -> v.asLong();
          });
    }
    return out;
  }

  private static boolean withinInt(Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      if (Math.abs(c.x) > Integer.MAX_VALUE || Math.abs(c.y) > Integer.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  @Test
  void polygonCoordinatesAreTheCommandsDecodedByHand() throws IOException {
    // 019: MoveTo(3,6) LineTo(+5,+6)(+12,+22) ClosePath.
    VectorTile tile = MvtDecoder.decode(read("fixtures/019/tile.mvt"));
    assertThat(tile.layer("hello").features().get(0).geometry().toText())
        .isEqualTo("POLYGON ((3 6, 8 12, 20 34, 3 6))");
  }

  @Test
  void coordinatesBeyondInt32DoNotWrap() throws IOException {
    Geometry line =
        MvtDecoder.decode(read("fixtures/049/tile.mvt"))
            .layers()
            .get(0)
            .features()
            .get(0)
            .geometry();
    assertThat(line.getCoordinates()[1].x).isEqualTo(2147483648.0);
  }

  @Test
  void unknownGeometryIsIgnoredAndSaidSo() throws IOException {
    List<String> problems = new ArrayList<>();
    VectorTile tile = MvtDecoder.decode(read("fixtures/016/tile.mvt"), problems::add);
    assertThat(tile.layer("hello").features()).isEmpty();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("layer #0 'hello' feature #0")
        .contains("no geometry type");
  }

  @Test
  void errorsNameLayerFeatureAndFault() throws IOException {
    assertThatThrownBy(() -> MvtDecoder.decode(read("fixtures/047/tile.mvt")))
        .hasMessageContaining("layer #0 'hello' feature #0")
        .hasMessageContaining("ClosePath count 1");
    assertThatThrownBy(() -> MvtDecoder.decode(read("fixtures/051/tile.mvt")))
        .hasMessageContaining("MoveTo count")
        .hasMessageContaining("parameters but only");
    assertThatThrownBy(() -> MvtDecoder.decode(new byte[] {0x1a, 0x7f, 0x01}))
        .hasMessageContaining("truncated");
  }

  @Test
  void realWorldTilesDecodeGzippedOrNot() throws IOException {
    for (String name :
        List.of(
            "13-2100-3043.mvt", "13-2101-3044.mvt", "13-2102-3042.mvt", "14-9384-9577.mvt.gz")) {
      List<String> problems = new ArrayList<>();
      VectorTile tile = MvtDecoder.decode(read("real-world/" + name), problems::add);
      assertThat(tile.layers()).as(name).isNotEmpty();
      assertThat(tile.layers().stream().map(VectorTile.Layer::name))
          .as(name)
          .doesNotHaveDuplicates();
      assertThat(problems).as(name + " is a clean tile").isEmpty();
    }
    VectorTile chicago = MvtDecoder.decode(read("real-world/13-2101-3044.mvt"));
    assertThat(chicago.layers().stream().map(VectorTile.Layer::name))
        .contains("water", "road", "building");
    assertThat(Set.of(4096)).contains(chicago.layer("road").extent());
  }

  @Test
  void specRulesTheParserLetsThroughAreChecked() {
    byte[] zeroExtent =
        Tile.newBuilder()
            .addLayers(Tile.Layer.newBuilder().setName("roads").setVersion(2).setExtent(0))
            .build()
            .toByteArray();
    assertThatThrownBy(() -> MvtDecoder.decode(zeroExtent, p -> {}))
        .hasMessage("layer #0 'roads' has extent 0; it must be positive");
    // A polygon whose second LineTo does not move: lenient mode drops the point and says so.
    Tile.Feature square =
        Tile.Feature.newBuilder()
            .setId(9)
            .setType(Tile.GeomType.POLYGON)
            .addAllGeometry(List.of(9, 0, 0, (4 << 3) | 2, 20, 0, 0, 0, 0, 20, 19, 0, 15))
            .build();
    byte[] repeated =
        Tile.newBuilder()
            .addLayers(Tile.Layer.newBuilder().setName("water").setVersion(2).addFeatures(square))
            .build()
            .toByteArray();
    assertThatThrownBy(() -> MvtDecoder.decode(repeated))
        .hasMessageContaining("layer #0 'water' feature #0 (id 9): a LineTo does not move");
    List<String> problems = new ArrayList<>();
    VectorTile tile = MvtDecoder.decode(repeated, problems::add);
    assertThat(tile.layer("water").features().get(0).geometry().toText())
        .isEqualTo("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    assertThat(problems).singleElement().asString().contains("point dropped");
  }

  static byte[] read(String path) throws IOException {
    return Files.readAllBytes(FIXTURES.resolve(path));
  }
}
