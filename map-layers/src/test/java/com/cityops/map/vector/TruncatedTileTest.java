package com.cityops.map.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real tile (OpenStreetMap 13/2101/3044 from mvt-fixtures, plain and gzipped) cut at many
 * lengths, through the strict and the lenient decoder: a tile or a {@link VectorTileException} with
 * a message, nothing else, none taking over 2 s. (A cut on a message boundary can still be a valid
 * shorter tile, so some lengths decode.)
 */
class TruncatedTileTest {
  private static final Duration LIMIT = Duration.ofSeconds(2);

  private static byte[] resource(String name) {
    try (InputStream in =
        TruncatedTileTest.class.getResourceAsStream("/mvt-fixtures/real-world/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> cuts() {
    List<Arguments> cases = new ArrayList<>();
    for (String name : List.of("13-2101-3044.mvt", "14-9384-9577.mvt.gz")) {
      byte[] tile = resource(name);
      IntStream.of(
              1,
              2,
              3,
              5,
              10,
              17,
              64,
              100,
              1_000,
              4_097,
              tile.length / 3,
              tile.length / 2,
              tile.length - 100,
              tile.length - 1)
          .filter(n -> n > 0 && n < tile.length)
          .distinct()
          .forEach(n -> cases.add(Arguments.of(name, n, Arrays.copyOf(tile, n))));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} cut at {1} bytes")
  @MethodSource("cuts")
  void strict(String name, int length, byte[] bytes) {
    Throwable thrown =
        assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> MvtDecoder.decode(bytes)));
    assertClearOrNone(thrown);
  }

  @ParameterizedTest(name = "{0} cut at {1} bytes")
  @MethodSource("cuts")
  void lenient(String name, int length, byte[] bytes) {
    List<String> problems = new ArrayList<>();
    Throwable thrown =
        assertTimeoutPreemptively(
            LIMIT, () -> catchThrowable(() -> MvtDecoder.decode(bytes, problems::add)));
    assertClearOrNone(thrown);
    assertThat(problems).allSatisfy(p -> assertThat(p).isNotBlank());
  }

  private static void assertClearOrNone(Throwable thrown) {
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(VectorTileException.class);
      assertThat(thrown.getMessage()).isNotBlank();
    }
  }
}
