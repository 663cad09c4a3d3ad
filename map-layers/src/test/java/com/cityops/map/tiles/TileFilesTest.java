package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MBTiles and PMTiles fixtures made by GDAL (see resources/tiles/README.md) read the same. */
class TileFilesTest {
  static final Path DIR = Path.of("src/test/resources/tiles");
  static final LonLat PEOPLES_SQUARE = LonLat.of(121.4737, 31.2304);

  @Test
  void vectorMbTilesMetadataAndTmsFlip() throws Exception {
    try (MbTilesSource mb = MbTilesSource.open(DIR.resolve("districts.mbtiles"))) {
      TileSourceInfo info = mb.info();
      assertEquals("Shanghai districts", info.name());
      assertEquals(TileFormat.MVT, info.format());
      assertEquals(6, info.minZoom());
      assertEquals(10, info.maxZoom());
      assertEquals(TileScheme.TMS, info.scheme());
      assertEquals(List.of("districts"), info.vectorLayers());
      assertEquals(120.857422, info.bounds().getMinX(), 1e-6);
      assertEquals(31.867188, info.bounds().getMaxY(), 1e-6);

      // GDAL stores 8/214/151 in TMS rows: XYZ row 255 - 151 = 104 is that tile
      TileId central = WebMercator.tileAt(PEOPLES_SQUARE, 8);
      assertEquals(TileId.of(8, 214, 104), central);
      byte[] tile = mb.tile(central).found().orElseThrow().bytes();
      assertEquals(0x1a, tile[0], "gunzipped protobuf starts with field 3 (layers)");
      assertTrue(new String(tile, StandardCharsets.ISO_8859_1).contains("districts"));
      assertTrue(
          new String(tile, StandardCharsets.UTF_8).contains("黄浦区"), "district names in the tile");
      // the TMS row number read as XYZ is another, empty place
      assertInstanceOf(TileResult.Missing.class, mb.tile(TileId.of(8, 214, 151)));
      assertInstanceOf(TileResult.Missing.class, mb.tile(TileId.of(3, 6, 3)), "below minzoom");
    }
  }

  @Test
  void pmTilesAgreeWithMbTilesTileForTile() {
    for (String name : List.of("districts", "raster")) {
      try (MbTilesSource mb = MbTilesSource.open(DIR.resolve(name + ".mbtiles"));
          PmTilesSource pm = PmTilesSource.open(DIR.resolve(name + ".pmtiles"))) {
        assertEquals(mb.info().format(), pm.info().format());
        assertEquals(mb.info().minZoom(), pm.info().minZoom());
        assertEquals(mb.info().maxZoom(), pm.info().maxZoom());
        assertEquals(mb.info().vectorLayers(), pm.info().vectorLayers());
        int found = 0;
        for (int z = mb.info().minZoom(); z <= mb.info().maxZoom(); z++) {
          TileId c = WebMercator.tileAt(PEOPLES_SQUARE, z);
          for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
              TileId id = TileId.of(z, c.x() + dx, c.y() + dy);
              TileResult a = mb.tile(id);
              TileResult b = pm.tile(id);
              assertEquals(a.getClass(), b.getClass(), name + " " + id);
              if (a instanceof TileResult.Found fa) {
                assertArrayEquals(fa.data().bytes(), b.found().orElseThrow().bytes(), name + id);
                found++;
              }
            }
          }
        }
        assertTrue(found >= 10, name + ": compared " + found + " tiles");
      }
    }
  }

  @Test
  void rasterTilesArePngImages() throws Exception {
    try (PmTilesSource pm = PmTilesSource.open(DIR.resolve("raster.pmtiles"))) {
      assertEquals(TileFormat.PNG, pm.info().format());
      TileData data = pm.tile(WebMercator.tileAt(PEOPLES_SQUARE, 9)).found().orElseThrow();
      assertEquals("image/png", data.contentType());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(data.bytes()));
      assertEquals(256, image.getWidth());
    }
  }

  @Test
  void brokenFilesFailWithTheFileName(@TempDir Path tmp) throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.mbtiles"), "not sqlite at all, sorry");
    MapDataException e = assertThrows(MapDataException.class, () -> MbTilesSource.open(junk));
    assertTrue(e.getMessage().contains("junk.mbtiles"), e.getMessage());
    Path missing = tmp.resolve("none.pmtiles");
    e = assertThrows(MapDataException.class, () -> PmTilesSource.open(missing));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    Path notPm = Files.write(tmp.resolve("x.pmtiles"), new byte[200]);
    e = assertThrows(MapDataException.class, () -> PmTilesSource.open(notPm));
    assertTrue(e.getMessage().contains("PMTiles"), e.getMessage());
  }
}
