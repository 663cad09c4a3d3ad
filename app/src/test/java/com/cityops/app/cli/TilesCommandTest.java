package com.cityops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code cityops tiles decode}: valid tiles print as GeoJSON, invalid ones fail clearly. */
class TilesCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    TilesCommand.Decode decode = new TilesCommand.Decode();
    new CommandLine(decode).parseArgs(args);
    return decode.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String tile(String name) {
    try {
      return Path.of(TilesCommandTest.class.getResource("/mvt/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void printsAValidTileAsGeoJsonInTileUnits() throws Exception {
    assertThat(run(tile("point-017.mvt"))).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("type").asText()).isEqualTo("FeatureCollection");
    JsonNode point = json.path("features").get(0);
    assertThat(point.path("geometry").path("type").asText()).isEqualTo("Point");
    assertThat(point.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(25);
    assertThat(point.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(17);
    assertThat(point.path("properties").path("layer").asText()).isEqualTo("hello");
    assertThat(point.path("properties").path("hello").asText()).isEqualTo("world");
  }

  @Test
  void givenItsAddressARealTileLandsInChicago() throws Exception {
    assertThat(run(tile("chicago-13-2101-3044.mvt"), "--tile", "13/2101/3044")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("features").size()).isGreaterThan(100);
    JsonNode first = json.path("features").get(0).path("geometry").path("coordinates");
    while (first.get(0).isArray()) {
      first = first.get(0);
    }
    assertThat(first.get(0).asDouble()).isBetween(-87.8, -87.5);
    assertThat(first.get(1).asDouble()).isBetween(41.7, 42.0);
  }

  @Test
  void anInvalidTileExitsOneWithTheReason() {
    assertThat(run(tile("invalid-007.mvt"))).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a valid vector tile");
    assertThat(out.size()).isZero();
    assertThat(run("/no/such/tile.mvt")).isEqualTo(2);
    assertThat(run(tile("point-017.mvt"), "--tile", "13/x/1")).isEqualTo(2);
  }
}
