package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.geo.TileId;

/** The fuzz targets' check of a tile answer: never null, reasons and messages never blank. */
final class TileResults {
  private TileResults() {}

  /** Opens an archive. */
  interface Opener {
    TileSource open(java.nio.file.Path file);
  }

  /**
   * The archive targets' property: {@code input} written to {@code file} opens with an info and
   * answers each tile, or is refused with a {@link com.cityops.map.data.MapDataException} that says
   * why.
   */
  static void openAndRead(java.nio.file.Path file, byte[] input, Opener opener, TileId... tiles) {
    FuzzFiles.write(file, input);
    try (TileSource source = opener.open(file)) {
      assertNotNull(source.info());
      for (TileId id : tiles) {
        check(source.tile(id));
      }
    } catch (com.cityops.map.data.MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    } finally {
      FuzzFiles.delete(file);
    }
  }

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
