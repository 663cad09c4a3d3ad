package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.cityops.map.data.GeoPackageDataStore;
import com.cityops.map.data.ShapefileDataStore;
import com.cityops.map.geo.TileId;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds of the file-reader fuzz targets are valid files: the fuzzer starts from inputs that get
 * past the first checks (docs/fuzzing.md).
 */
class FileReaderSeedsTest {
  static final Path TILES = Path.of("src/test/resources/com/cityops/map/tiles");
  static final Path DATA = Path.of("src/test/resources/com/cityops/map/data");

  @Test
  void mbTilesSeedsOpenAndAnswerTheirTiles() {
    Path dir = TILES.resolve("MbTilesFuzzTestInputs/open");
    try (MbTilesSource s = MbTilesSource.open(dir.resolve("districts-vector-2-tiles.mbtiles"))) {
      assertEquals(List.of("districts"), s.info().vectorLayers());
      assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(6, 53, 25)));
      assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(10, 859, 417)));
    }
    try (MbTilesSource s =
        MbTilesSource.open(dir.resolve("raster-1-tile-no-zoom-metadata.mbtiles"))) {
      assertEquals(8, s.info().minZoom());
      assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(8, 213, 105)));
    }
  }

  @Test
  void pmTilesSeedsOpenAndAnswerTheirTiles() {
    Path dir = TILES.resolve("PmTilesFuzzTestInputs/open");
    for (String name :
        List.of(
            "districts-vector-2-tiles.pmtiles",
            "districts-vector-uncompressed-directory.pmtiles")) {
      try (PmTilesSource s = PmTilesSource.open(dir.resolve(name))) {
        assertEquals(List.of("districts"), s.info().vectorLayers(), name);
        assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(6, 53, 25)), name);
        assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(10, 859, 417)), name);
      }
    }
    try (PmTilesSource s = PmTilesSource.open(dir.resolve("raster-1-tile.pmtiles"))) {
      assertInstanceOf(TileResult.Found.class, s.tile(TileId.of(8, 213, 105)));
    }
  }

  @Test
  void geoPackageSeedReads() {
    Path seed = DATA.resolve("GeoPackageFuzzTestInputs/read/districts-2-tables.gpkg");
    try (GeoPackageDataStore store = GeoPackageDataStore.open(seed)) {
      assertEquals(List.of("districts", "districts_webmercator"), store.featureTables());
      assertEquals(2, store.read("districts").all().size()); // the third row has no geometry
      assertEquals(1, store.read("districts_webmercator").all().size());
    }
  }

  @Test
  void wmtsSeedParses() throws Exception {
    try (InputStream in =
        Files.newInputStream(
            TILES.resolve("WmtsCapabilitiesFuzzTestInputs/parse/tianditu-trimmed.xml"))) {
      WmtsCapabilities caps = WmtsCapabilities.parse(in, "seed");
      assertEquals(2, caps.layers().size());
      assertFalse(caps.matrixSets().isEmpty());
    }
  }

  @Test
  void shapefileSeedsRead(@TempDir Path tmp) throws Exception {
    int[] features = {1, 1, 1, 2};
    String[] names = {
      "huangpu-polygon-utf8", "square-with-hole-and-null-gbk", "two-part-polyline", "two-points"
    };
    for (int i = 0; i < names.length; i++) {
      ByteBuffer b =
          ByteBuffer.wrap(
              Files.readAllBytes(DATA.resolve("ShapefileFuzzTestInputs/read/" + names[i])));
      byte[] shp = new byte[Short.toUnsignedInt(b.getShort())];
      b.get(shp);
      byte[] dbf = new byte[Short.toUnsignedInt(b.getShort())];
      b.get(dbf);
      byte[] prj = new byte[b.remaining()];
      b.get(prj);
      Path dir = Files.createDirectory(tmp.resolve(names[i]));
      Files.write(dir.resolve("seed.shp"), shp);
      Files.write(dir.resolve("seed.dbf"), dbf);
      if (prj.length > 0) {
        Files.write(dir.resolve("seed.prj"), prj);
      }
      ShapefileDataStore.Layer layer = ShapefileDataStore.read(dir.resolve("seed.shp"));
      assertEquals(features[i], layer.source().all().size(), names[i]);
    }
  }
}
