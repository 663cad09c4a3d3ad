package com.cityops.map.vector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for {@link MvtDecoder}, strict and lenient: a tile, or a {@link VectorTileException}
 * with a message — never another exception, never a hang; the lenient decoder's problem reports
 * must say something too. Seeds in {@code MvtDecoderFuzzTestInputs/<method>/}; see docs/fuzzing.md.
 */
class MvtDecoderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decodeStrict(byte[] input) {
    try {
      assertNotNull(MvtDecoder.decode(input));
    } catch (VectorTileException e) {
      assertClear(e.getMessage());
    }
  }

  @FuzzTest(maxDuration = "60s")
  void decodeLenient(byte[] input) {
    List<String> problems = new ArrayList<>();
    try {
      assertNotNull(MvtDecoder.decode(input, problems::add));
    } catch (VectorTileException e) {
      assertClear(e.getMessage());
    }
    problems.forEach(MvtDecoderFuzzTest::assertClear);
  }

  private static void assertClear(String message) {
    assertNotNull(message);
    assertFalse(message.isBlank());
  }
}
