package com.cityops.map.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.geo.Crs;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link GeoJsonDataStore#read(String, String, Crs)}: a layer, or a {@link
 * MapDataException} with a message — never another exception, never a hang. Seeds in {@code
 * GeoJsonFuzzTestInputs/read/}; see docs/fuzzing.md.
 */
class GeoJsonFuzzTest {
  private static final Crs[] CRSES = {Crs.WGS84, Crs.GCJ02, Crs.BD09, Crs.CGCS2000};

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) {
    Crs crs = input.length == 0 ? Crs.WGS84 : CRSES[Math.floorMod(input[0], CRSES.length)];
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      assertNotNull(GeoJsonDataStore.read(text, "fuzz", crs));
    } catch (MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
