package com.cityops.map.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cityops.map.tiles.FuzzFiles;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzz target for {@link ShapefileDataStore#read(Path)} (with {@link ShpReader}, javadbf and {@link
 * EsriPrj}): a layer, or a {@link MapDataException} with a message — never another exception, never
 * a hang. The input is split into the parts of a shapefile: {@code [u16 BE n][n bytes .shp][u16 BE
 * m][m bytes .dbf][rest: .prj]} (lengths cut to what is there; no .prj file when the rest is
 * empty), written to a scratch directory. Seeds in {@code ShapefileFuzzTestInputs/read/}, made by
 * {@code ShapefileFuzzTestInputs/make-seeds.py}; see docs/fuzzing.md.
 */
class ShapefileFuzzTest {
  private static final Path SHP = FuzzFiles.scratch("shp-fuzz", "fuzz.shp");
  private static final Path DBF = SHP.resolveSibling("fuzz.dbf");
  private static final Path PRJ = SHP.resolveSibling("fuzz.prj");

  @FuzzTest(maxDuration = "60s")
  void read(byte[] input) {
    byte[][] parts = parts(input);
    byte[] shp = parts[0];
    byte[] dbf = parts[1];
    byte[] prj = parts[2];
    FuzzFiles.write(SHP, shp);
    FuzzFiles.write(DBF, dbf);
    if (prj.length > 0) {
      FuzzFiles.write(PRJ, prj);
    }
    try {
      ShapefileDataStore.Layer layer = ShapefileDataStore.read(SHP);
      assertNotNull(layer);
      layer.warnings().forEach(w -> assertFalse(w.isBlank()));
    } catch (MapDataException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
    } finally {
      FuzzFiles.delete(SHP);
      FuzzFiles.delete(DBF);
      FuzzFiles.delete(PRJ);
    }
  }

  /** The .shp, .dbf and .prj parts of an input, each length cut to what is there. */
  static byte[][] parts(byte[] input) {
    int at = 0;
    int shpLength = Math.min(u16(input, at), Math.max(0, input.length - 2));
    at = Math.min(input.length, at + 2);
    byte[] shp = Arrays.copyOfRange(input, at, at + shpLength);
    at += shpLength;
    int dbfLength = Math.min(u16(input, at), Math.max(0, input.length - at - 2));
    at = Math.min(input.length, at + 2);
    byte[] dbf = Arrays.copyOfRange(input, at, at + dbfLength);
    at += dbfLength;
    return new byte[][] {shp, dbf, Arrays.copyOfRange(input, at, input.length)};
  }

  private static int u16(byte[] b, int at) {
    return at + 1 < b.length ? (b[at] & 0xff) << 8 | (b[at + 1] & 0xff) : 0;
  }
}
