package com.cityops.map.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.tiles.FuzzFiles;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fuzz target for {@link GeoPackageDataStore}: the input is the whole SQLite file, written to a
 * scratch {@code .gpkg}; it is opened, its feature tables listed and each (at most three) read.
 * Each step answers or throws a {@link MapDataException} with a message — never another exception
 * (no {@code SQLException} or NGA exception leaking), never a hang. Seeds in {@code
 * GeoPackageFuzzTestInputs/read/}; see docs/fuzzing.md.
 */
class GeoPackageFuzzTest {
  private static final Path FILE = FuzzFiles.scratch("gpkg-fuzz", "fuzz.gpkg");

  /**
   * NGA logs what it tolerates (an unparsable SRS definition, a foreign-key violation) with stack
   * traces through java.util.logging: a strong reference keeps it quiet, and the fuzzer fast.
   */
  private static final Logger NGA = Logger.getLogger("mil.nga");

  static {
    NGA.setLevel(Level.OFF);
  }

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) {
    FuzzFiles.write(FILE, input);
    try (GeoPackageDataStore store = GeoPackageDataStore.open(FILE)) {
      List<String> tables = store.featureTables();
      for (String table : tables.subList(0, Math.min(3, tables.size()))) {
        try {
          assertNotNull(store.read(table));
        } catch (MapDataException e) {
          assertNotNull(e.getMessage());
          assertFalse(e.getMessage().isBlank());
        }
      }
    } catch (MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    } finally {
      FuzzFiles.delete(FILE);
    }
  }
}
