package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzz target for {@link PmTilesSource}: the input is the whole PMTiles v3 archive (header,
 * directories, metadata, tiles), written to a scratch file; it is opened, its info read and the
 * seeds' tiles asked for. {@code open} answers a source or throws a {@link MapDataException} with a
 * message; {@code tile} answers a {@link TileResult} (a failure is a {@code Failed} with a message,
 * not an exception). Seeds in {@code PmTilesFuzzTestInputs/open/}; see docs/fuzzing.md.
 */
class PmTilesFuzzTest {
  private static final Path FILE = FuzzFiles.scratch("pmtiles-fuzz", "fuzz.pmtiles");
  private static final TileId[] TILES = {
    TileId.of(6, 53, 25), TileId.of(10, 859, 417), TileId.of(8, 213, 105), TileId.of(7, 106, 51)
  };

  @FuzzTest(maxDuration = "60s")
  void open(byte[] input) {
    TileResults.openAndRead(FILE, input, PmTilesSource::open, TILES);
  }
}
