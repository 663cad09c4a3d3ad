package com.cityops.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileEndpointTest {
  static final String TAG = "\"0123456789abcdef0123456789abcdef\"";

  @Test
  void theEtagIsAStrongHashOfTheBytes() {
    String a = TileEndpoint.etag("tile".getBytes(StandardCharsets.UTF_8));
    assertThat(a).matches("\"[0-9a-f]{32}\"");
    assertThat(TileEndpoint.etag("tile".getBytes(StandardCharsets.UTF_8))).isEqualTo(a);
    assertThat(TileEndpoint.etag("tilf".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "\"0123456789abcdef0123456789abcdef\"; true",
        "W/\"0123456789abcdef0123456789abcdef\"; true", // If-None-Match compares weakly
        "\"other\", \"0123456789abcdef0123456789abcdef\"; true",
        "  \"other\"  ,W/\"0123456789abcdef0123456789abcdef\" ; true",
        "*; true",
        "\"other\"; false",
        "0123456789abcdef0123456789abcdef; false", // unquoted is not the tag
        "'';false"
      })
  void ifNoneMatchNamesTheTag(String header, boolean matches) {
    assertThat(TileEndpoint.matches(header, TAG)).isEqualTo(matches);
  }

  @Test
  void noIfNoneMatchNeverMatches() {
    assertThat(TileEndpoint.matches(null, TAG)).isFalse();
  }
}
