package com.cityops.app.wall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link WallLayoutReader#parse}: a layout, or a {@link WallLayoutException} with a
 * message — never another exception, never a hang. Seeds in {@code WallLayoutFuzzTestInputs/parse/}
 * (the examples of docs/walls); see docs/fuzzing.md.
 */
class WallLayoutFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    try {
      WallLayout layout =
          WallLayoutReader.parse(new String(input, StandardCharsets.UTF_8), "wall.json");
      assertNotNull(layout.screens());
    } catch (WallLayoutException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
