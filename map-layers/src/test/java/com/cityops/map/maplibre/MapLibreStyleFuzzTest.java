package com.cityops.map.maplibre;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link MapLibreStyle#parse} (the basemap style reader, expressions compiled on
 * the way): a style, or a {@link MapLibreStyleException} with a message — never another exception,
 * never a hang. Seeds in {@code MapLibreStyleFuzzTestInputs/parse/}; see docs/fuzzing.md.
 */
class MapLibreStyleFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    try {
      assertNotNull(MapLibreStyle.parse(new String(input, StandardCharsets.UTF_8)));
    } catch (MapLibreStyleException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
