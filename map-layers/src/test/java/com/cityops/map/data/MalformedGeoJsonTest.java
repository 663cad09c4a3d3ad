package com.cityops.map.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.cityops.map.geo.Crs;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken GeoJSON — wrong types, unclosed rings, NaN coordinates, deep nesting — through {@link
 * GeoJsonDataStore}: each is either read (when the damage is survivable) or refused with a {@link
 * MapDataException} that says what is wrong; nothing else is thrown and nothing takes over 2 s.
 */
class MalformedGeoJsonTest {
  private static final Duration LIMIT = Duration.ofSeconds(2);

  private static String collection(String geometry) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"f1\","
        + "\"properties\":{},\"geometry\":"
        + geometry
        + "}]}";
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("blank", "  \n"),
        Arguments.of("not JSON", "FeatureCollection"),
        Arguments.of("truncated", collection("{\"type\":\"Point\",\"coordinates\":[121.4,")),
        Arguments.of("array at the top", "[]"),
        Arguments.of("a Feature, not a collection", "{\"type\":\"Feature\",\"geometry\":null}"),
        Arguments.of("type is a number", "{\"type\":7,\"features\":[]}"),
        Arguments.of(
            "unknown geometry type", collection("{\"type\":\"Circle\",\"coordinates\":[1,2]}")),
        Arguments.of(
            "geometry type is an object", collection("{\"type\":{},\"coordinates\":[1,2]}")),
        Arguments.of(
            "coordinates are strings",
            collection("{\"type\":\"Point\",\"coordinates\":[\"a\",\"b\"]}")),
        Arguments.of(
            "coordinates is an object", collection("{\"type\":\"Point\",\"coordinates\":{}}")),
        Arguments.of(
            "unclosed ring",
            collection("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}")),
        Arguments.of(
            "line of one point", collection("{\"type\":\"LineString\",\"coordinates\":[[0,0]]}")),
        Arguments.of(
            "polygon of numbers", collection("{\"type\":\"Polygon\",\"coordinates\":[1,2,3]}")),
        Arguments.of(
            "latitude beyond the pole", collection("{\"type\":\"Point\",\"coordinates\":[0,95]}")),
        Arguments.of(
            "huge coordinate", collection("{\"type\":\"Point\",\"coordinates\":[1e308,-1e308]}")),
        Arguments.of(
            "NaN coordinate", collection("{\"type\":\"Point\",\"coordinates\":[NaN,31.2]}")),
        Arguments.of(
            "Infinity coordinate", collection("{\"type\":\"Point\",\"coordinates\":[Infinity,1]}")),
        Arguments.of("geometry missing", collection("null").replace(",\"geometry\":null", "")),
        Arguments.of("nesting 100,000 deep", "[".repeat(100_000)),
        Arguments.of(
            "coordinates nested 5,000 deep",
            collection(
                "{\"type\":\"Point\",\"coordinates\":"
                    + "[".repeat(5_000)
                    + "1"
                    + "]".repeat(5_000)
                    + "}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isRefusedClearly(String name, String text) {
    Throwable thrown =
        assertTimeoutPreemptively(
            LIMIT, () -> catchThrowable(() -> GeoJsonDataStore.read(text, "broken", Crs.WGS84)));
    assertThat(thrown).as(name).isInstanceOf(MapDataException.class);
    assertThat(thrown.getMessage()).contains("broken").isNotBlank();
  }

  static Stream<Arguments> survivable() {
    return Stream.of(
        Arguments.of("no features", "{\"type\":\"FeatureCollection\"}"),
        Arguments.of("features is an object", "{\"type\":\"FeatureCollection\",\"features\":{}}"),
        Arguments.of(
            "self-intersecting ring (repaired)",
            collection("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}")),
        Arguments.of(
            "properties is an array",
            collection("{\"type\":\"Point\",\"coordinates\":[1,2]}")
                .replace("\"properties\":{}", "\"properties\":[1]")),
        // JTS reads these as empty or degenerate geometries, which a layer can hold
        Arguments.of(
            "point with one ordinate", collection("{\"type\":\"Point\",\"coordinates\":[1]}")),
        Arguments.of("point without coordinates", collection("{\"type\":\"Point\"}")),
        Arguments.of(
            "ring of three points",
            collection("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("survivable")
  void isReadOrRefusedClearly(String name, String text) {
    Throwable thrown =
        assertTimeoutPreemptively(
            LIMIT, () -> catchThrowable(() -> GeoJsonDataStore.read(text, "broken", Crs.WGS84)));
    if (thrown != null) {
      assertThat(thrown).as(name).isInstanceOf(MapDataException.class);
      assertThat(thrown.getMessage()).isNotBlank();
    }
  }
}
