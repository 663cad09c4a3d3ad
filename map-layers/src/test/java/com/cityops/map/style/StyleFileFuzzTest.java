package com.cityops.map.style;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link StyleFile#parse}: a style, or a {@link StyleFileException} with a message
 * — never another exception, never a hang. Seeds in {@code StyleFileFuzzTestInputs/parse/}; see
 * docs/fuzzing.md.
 */
class StyleFileFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    try {
      assertNotNull(StyleFile.parse(new String(input, StandardCharsets.UTF_8)));
    } catch (StyleFileException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
