package com.cityops.map.tiles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.data.MapDataException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TileJSON documents a server may send that {@link TileJson#parse} must refuse with a {@link
 * MapDataException} naming the document; the zoom ones were found by {@link TileJsonFuzzTest} (kept
 * there as {@code regression-maxzoom-54.json}), which saw an IllegalArgumentException.
 */
class MalformedTileJsonTest {
  private static final URI DOCUMENT = URI.create("https://tiles.example.test/v1/tiles.json");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"tiles\":[]}",
        "{\"tiles\":[\"t/{z}/{x}/{y}.pbf\"],\"maxzoom\":54}",
        "{\"tiles\":[\"t/{z}/{x}/{y}.pbf\"],\"minzoom\":-3}",
        "{\"tiles\":[\"t/{z}/{x}/{y}.pbf\"],\"minzoom\":12,\"maxzoom\":3}",
        "{\"tiles\":[\"t/{z}/{x}/{y}.pbf\"],\"tileSize\":-256}"
      })
  void isRefusedNamingTheDocument(String text) {
    assertThatThrownBy(() -> TileJson.parse(text, DOCUMENT))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining(DOCUMENT.toString());
  }
}
