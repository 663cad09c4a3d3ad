package com.cityops.map.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapefile fuzz target's findings (docs/fuzzing.md) and their neighbours as plain tests. */
class MalformedShapefileTest {
  static final Path SEEDS =
      Path.of("src/test/resources/com/cityops/map/data/ShapefileFuzzTestInputs/read");

  @TempDir Path tmp;

  /** Writes a fuzz input's parts (see ShapefileFuzzTest) as t.shp, t.dbf and t.prj. */
  private Path unpack(byte[] input) throws Exception {
    byte[][] parts = ShapefileFuzzTest.parts(input);
    byte[] shp = parts[0];
    byte[] dbf = parts[1];
    byte[] prj = parts[2];
    Files.write(tmp.resolve("t.shp"), shp);
    Files.write(tmp.resolve("t.dbf"), dbf);
    if (prj.length > 0) {
      Files.write(tmp.resolve("t.prj"), prj);
    }
    return tmp.resolve("t.shp");
  }

  private static MapDataException refused(Path shp) {
    MapDataException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> assertThrows(MapDataException.class, () -> ShapefileDataStore.read(shp)));
    assertTrue(e.getMessage().contains(shp.getParent().toString()), e.getMessage());
    return e;
  }

  /** The seed two-points with point 1 replaced; content starts at 100 + 8, x at +4, y at +12. */
  private Path twoPointsWith(double x, double y) throws Exception {
    byte[] input = Files.readAllBytes(SEEDS.resolve("two-points"));
    ByteBuffer b = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
    b.putDouble(2 + 108 + 4, x);
    b.putDouble(2 + 108 + 12, y);
    return unpack(input);
  }

  @Test
  void aRingWithANanPointIsRefused() throws Exception {
    // the fuzzer's finding: JTS' "Points of LinearRing do not form a closed linestring" escaped
    MapDataException e =
        refused(unpack(Files.readAllBytes(SEEDS.resolve("regression-ring-with-nan-point"))));
    assertTrue(e.getMessage().contains("record 1"), e.getMessage());
    assertTrue(e.getMessage().contains("not finite"), e.getMessage());
  }

  @Test
  void nonFinitePointsAreRefused() throws Exception {
    assertTrue(refused(twoPointsWith(Double.NaN, 31)).getMessage().contains("not finite"));
    assertTrue(
        refused(twoPointsWith(121, Double.POSITIVE_INFINITY)).getMessage().contains("not finite"));
  }

  @Test
  void aLatitudeBeyondThePoleIsRefusedWithTheRecord() throws Exception {
    // was an IllegalArgumentException from LonLat, as it once was in GeoJSON
    MapDataException e = refused(twoPointsWith(121, 95));
    assertTrue(e.getMessage().contains("record 1"), e.getMessage());
  }

  @Test
  void aHugePartCountDoesNotOverflowIntoAnAllocation() throws Exception {
    // 2^30 parts: 44 + 4 * parts overflowed int to 44, passed the length check and allocated a
    // list for a billion parts (found as a fuzzing slowdown)
    byte[] input = Files.readAllBytes(SEEDS.resolve("two-part-polyline"));
    ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN).putInt(2 + 108 + 36, 1 << 30);
    MapDataException e = refused(unpack(input));
    assertTrue(e.getMessage().contains("1073741824 parts"), e.getMessage());
  }

  @Test
  void theFuzzersHugePartCountIsRefusedQuickly() throws Exception {
    // 587,202,561 parts: 4 * parts overflowed to a negative offset (a "slow unit" of the fuzzer)
    MapDataException e =
        refused(unpack(Files.readAllBytes(SEEDS.resolve("regression-huge-part-count"))));
    assertTrue(e.getMessage().contains("587202561 parts"), e.getMessage());
  }

  @Test
  void aDbfFieldShorterThanItsTypeIsRefusedWithTheRow() throws Exception {
    // the fuzzer's finding: javadbf's BufferUnderflowException escaped
    MapDataException e =
        refused(
            unpack(
                Files.readAllBytes(SEEDS.resolve("regression-dbf-field-shorter-than-its-type"))));
    assertTrue(e.getMessage().contains("attribute table"), e.getMessage());
    assertTrue(e.getMessage().contains("t.dbf"), e.getMessage());
    assertTrue(e.getMessage().contains("at row 1"), e.getMessage());
  }
}
