package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PMTiles fuzz target's findings (docs/fuzzing.md) and their neighbours as plain tests. */
class MalformedPmTilesTest {
  static final Path SEEDS =
      Path.of("src/test/resources/com/cityops/map/tiles/PmTilesFuzzTestInputs/open");

  @TempDir Path tmp;

  private Path write(byte[] bytes) throws Exception {
    return Files.write(tmp.resolve("t.pmtiles"), bytes);
  }

  private static MapDataException refused(Path file) {
    MapDataException e = assertThrows(MapDataException.class, () -> PmTilesSource.open(file));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    return e;
  }

  @Test
  void aDirectoryWithNoEntriesIsAFailedTileNotAnException() throws Exception {
    // the fuzzer's finding: tileverse's IllegalArgumentException "PMTilesDirectory num entries
    // must be greater than zero" escaped tile(). Root directory (uncompressed) at byte 127: its
    // first varint is the entry count.
    byte[] b = Files.readAllBytes(SEEDS.resolve("districts-vector-uncompressed-directory.pmtiles"));
    b[127] = 0;
    try (PmTilesSource pm = PmTilesSource.open(write(b))) {
      TileResult r = pm.tile(TileId.of(6, 53, 25));
      TileResult.Failed failed = assertInstanceOf(TileResult.Failed.class, r);
      assertTrue(failed.message().contains("t.pmtiles"), failed.message());
      assertTrue(failed.message().contains("corrupt"), failed.message());
    }
  }

  @Test
  void theFuzzersInputIsRefusedAtOpenByTheSectionCheck() throws Exception {
    // the same finding's input: its root directory length is 13 MB in a 454-byte file
    MapDataException e =
        refused(write(Files.readAllBytes(SEEDS.resolve("regression-empty-directory"))));
    assertTrue(e.getMessage().contains("root directory"), e.getMessage());
  }

  @Test
  void hugeOrNegativeSectionLengthsAreRefusedBeforeAnyRead() throws Exception {
    byte[] seed = Files.readAllBytes(SEEDS.resolve("districts-vector-2-tiles.pmtiles"));
    long[] bad = {Long.MAX_VALUE, -1, 1L << 40, seed.length};
    for (int section = 0; section < 4; section++) {
      for (long value : bad) {
        byte[] b = seed.clone();
        // length of the section; for a length equal to the file size the offset pushes it out
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(16 + 16 * section, value);
        refused(write(b));
      }
      byte[] b = seed.clone();
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(8 + 16 * section, -8);
      refused(write(b));
    }
  }

  @Test
  void aFileShorterThanTheHeaderIsRefused() throws Exception {
    byte[] seed = Files.readAllBytes(SEEDS.resolve("districts-vector-2-tiles.pmtiles"));
    MapDataException e = refused(write(Arrays.copyOf(seed, 100)));
    assertTrue(e.getMessage().contains("127-byte"), e.getMessage());
  }
}
