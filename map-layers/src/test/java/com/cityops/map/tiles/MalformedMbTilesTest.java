package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.data.MapDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MBTiles metadata the fuzzer cannot easily reach (SQLite pages are checksummed by structure). */
class MalformedMbTilesTest {
  static final Path SEED =
      Path.of(
          "src/test/resources/com/cityops/map/tiles/MbTilesFuzzTestInputs/open/"
              + "districts-vector-2-tiles.mbtiles");

  @Test
  void aNullZoomIsNamedNotANullPointer(@TempDir Path tmp) throws Exception {
    // found reading the code while fuzzing: meta.get(key).trim() on an SQL NULL value was an
    // NPE, wrapped by open into a message about String.trim()
    Path file = Files.copy(SEED, tmp.resolve("null-zoom.mbtiles"));
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = db.createStatement()) {
      s.executeUpdate("UPDATE metadata SET value = NULL WHERE name = 'minzoom'");
    }
    MapDataException e = assertThrows(MapDataException.class, () -> MbTilesSource.open(file));
    assertTrue(e.getMessage().contains("null-zoom.mbtiles"), e.getMessage());
    assertTrue(e.getMessage().contains("minzoom is NULL"), e.getMessage());
  }
}
