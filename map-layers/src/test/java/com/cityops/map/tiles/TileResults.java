package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The fuzz targets' check of a tile answer: never null, reasons and messages never blank. */
final class TileResults {
  private TileResults() {}

  static void check(TileResult result) {
    assertNotNull(result);
    if (result instanceof TileResult.Missing m) {
      assertNotNull(m.reason());
      assertFalse(m.reason().isBlank());
    } else if (result instanceof TileResult.Failed f) {
      assertNotNull(f.message());
      assertFalse(f.message().isBlank());
    }
  }
}
