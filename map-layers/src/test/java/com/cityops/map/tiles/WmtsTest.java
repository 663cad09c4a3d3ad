package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WmtsTest {
  static WmtsCapabilities caps;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in =
        Files.newInputStream(TileFilesTest.DIR.resolve("wmts/tianditu-capabilities.xml"))) {
      caps = WmtsCapabilities.parse(in, "fixture");
    }
  }

  @Test
  void layersStylesFormatsAndLinks() {
    WmtsCapabilities.Layer vec = caps.layer("vec").orElseThrow();
    assertEquals(List.of("default"), vec.styles());
    assertEquals("default", vec.defaultStyle());
    assertEquals(List.of("tiles"), vec.formats());
    assertEquals(List.of("w", "c"), vec.matrixSets());
    assertEquals(1, vec.resourceUrlTemplates().size());
    assertEquals(Optional.of("http://t0.tianditu.gov.cn/vec_w/wmts?"), caps.getTileKvpUrl());
    assertEquals(3, caps.matrixSets().size());
  }

  @Test
  void webMercatorMatrixSet() {
    WmtsCapabilities.TileMatrixSet w = caps.matrixSet("w").orElseThrow();
    assertTrue(w.webMercator());
    WmtsCapabilities.TileMatrix one = w.matrices().get(0);
    assertEquals("1", one.identifier());
    assertEquals(78271.51696, w.resolution(one), 1e-4); // 156543.03 m/px at zoom 0, halved
    assertEquals(-20037508.3427892, one.originX(), 1e-6);
  }

  @Test
  void cgcs2000MatrixMathInDegrees() {
    WmtsCapabilities.TileMatrixSet c = caps.matrixSet("c").orElseThrow();
    assertTrue(c.geographic());
    WmtsCapabilities.TileMatrix one = c.matrices().get(0);
    // 1.40625°/px at level 0 (GoogleCRS84Quad); level 1 is 2×1 tiles of 180°
    assertEquals(0.703125, c.resolution(one), 1e-12);
    assertEquals(180.0, c.resolution(one) * one.tileWidth(), 1e-9);
    assertEquals(2, one.matrixWidth());
    assertEquals(1, one.matrixHeight());
    // TopLeftCorner "90.0 -180.0" is lat, lon in EPSG:4490 axis order: x must be -180
    assertEquals(-180.0, one.originX());
    assertEquals(90.0, one.originY());
    WmtsCapabilities.TileMatrix eighteen = c.matrices().get(17);
    assertEquals(1.40625 / (1 << 18), c.resolution(eighteen), 1e-15);
    // the column/row of 人民广场 (121.4737 E, 31.2304 N) at level 18
    double size = c.resolution(eighteen) * 256;
    assertEquals(219_526, (int) Math.floor((121.4737 - one.originX()) / size));
    assertEquals(42_794, (int) Math.floor((90 - 31.2304) / size));
  }

  @Test
  void tiandituKvpUrlForXyzTiles() {
    WmtsTileSource vec = WmtsTileSource.of(caps, "vec", "w", null, null, false);
    assertEquals(
        "http://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=9&TILEROW=208"
            + "&TILECOL=427",
        vec.url(TileId.of(9, 427, 208)).orElseThrow());
    assertEquals(Optional.empty(), vec.url(TileId.of(0, 0, 0)), "天地图 w starts at matrix 1");
    assertEquals(18, vec.zooms().size());
  }

  @Test
  void restTemplateAndOgcMatrixIdentifiers() {
    assertEquals(
        "http://t0.tianditu.gov.cn/vec_w/wmts/tile/default/w/3/2/6",
        WmtsTileSource.of(caps, "vec", "w", null, null, true)
            .url(TileId.of(3, 6, 2))
            .orElseThrow());
    WmtsTileSource osm = WmtsTileSource.of(caps, "osm", "GoogleMapsCompatible", null, null, true);
    assertEquals(
        "https://tiles.example.org/wmts/osm/default/GoogleMapsCompatible/EPSG:3857:2/1/3",
        osm.url(TileId.of(2, 3, 1)).orElseThrow());
    assertEquals(List.of(0, 1, 2, 3), osm.zooms());
  }

  @Test
  void geographicSetsAndUnknownLayersAreRefusedClearly() {
    MapDataException e =
        assertThrows(
            MapDataException.class, () -> WmtsTileSource.of(caps, "vec", "c", null, null, false));
    assertTrue(e.getMessage().contains("'w', not 'c'"), e.getMessage());
    e =
        assertThrows(
            MapDataException.class, () -> WmtsTileSource.of(caps, "img", "w", null, null, false));
    assertTrue(e.getMessage().contains("[vec, osm]"), e.getMessage());
  }

  @Test
  void notCapabilitiesAndXxeAreRefused() {
    MapDataException e =
        assertThrows(
            MapDataException.class,
            () -> WmtsCapabilities.parse(stream("<html><body>502</body></html>"), "http://x"));
    assertTrue(e.getMessage().contains("expected <Capabilities>"), e.getMessage());
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\">&x;</Capabilities>";
    assertThrows(MapDataException.class, () -> WmtsCapabilities.parse(stream(xxe), "evil"));
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
