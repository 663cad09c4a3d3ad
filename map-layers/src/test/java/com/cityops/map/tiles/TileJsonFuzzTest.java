package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.data.MapDataException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link TileJson#parse}: a TileJSON, or a {@link MapDataException} with a message
 * — never another exception, never a hang. Seeds in {@code TileJsonFuzzTestInputs/parse/}; see
 * docs/fuzzing.md.
 */
class TileJsonFuzzTest {
  private static final URI DOCUMENT = URI.create("https://tiles.example.test/v1/tiles.json");

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    try {
      assertNotNull(TileJson.parse(new String(input, StandardCharsets.UTF_8), DOCUMENT));
    } catch (MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
