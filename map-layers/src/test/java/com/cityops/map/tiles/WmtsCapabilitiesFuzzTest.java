package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.data.MapDataException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzz target for {@link WmtsCapabilities#parse}: capabilities, or a {@link MapDataException} with
 * a message — never another exception, never a hang. Seeds in {@code
 * WmtsCapabilitiesFuzzTestInputs/parse/}; see docs/fuzzing.md.
 */
class WmtsCapabilitiesFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    try {
      WmtsCapabilities caps =
          WmtsCapabilities.parse(new ByteArrayInputStream(input), "fuzz-capabilities.xml");
      assertNotNull(caps);
      for (WmtsCapabilities.TileMatrixSet set : caps.matrixSets()) {
        set.geographic();
        set.webMercator();
      }
    } catch (MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
