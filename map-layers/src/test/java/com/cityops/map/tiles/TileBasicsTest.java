package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cityops.map.geo.TileId;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TileBasicsTest {
  @Test
  void xyzTemplateWithSubdomainsIsStablePerTile() {
    TileUrlTemplate t =
        TileUrlTemplate.xyz("https://t{s}.example.cn/{z}/{x}/{y}.png", "0", "1", "2", "3");
    assertEquals("https://t3.example.cn/5/1/2.png", t.url(TileId.of(5, 1, 2)).orElseThrow());
    assertEquals(t.url(TileId.of(5, 1, 2)), t.url(TileId.of(5, 1, 2)));
    assertEquals("https://t0.example.cn/5/2/2.png", t.url(TileId.of(5, 2, 2)).orElseThrow());
    assertEquals(
        "https://a.tile.example/0/0/0.png",
        TileUrlTemplate.xyz("https://{s}.tile.example/{z}/{x}/{y}.png")
            .url(TileId.of(0, 0, 0))
            .orElseThrow());
  }

  @Test
  void tmsTemplateFlipsRows() {
    TileId id = TileId.of(3, 5, 1); // XYZ row 1 from the north = TMS row 6 from the south
    assertEquals("/3/5/6", TileUrlTemplate.tms("/{z}/{x}/{y}").url(id).orElseThrow());
    assertEquals("/3/5/6", TileUrlTemplate.xyz("/{z}/{x}/{-y}").url(id).orElseThrow());
    assertEquals("/3/5/1", TileUrlTemplate.xyz("/{z}/{x}/{y}").url(id).orElseThrow());
  }

  @Test
  void templatesWithoutPlaceholdersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TileUrlTemplate.xyz("https://x/{z}/{x}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TileUrlTemplate("/{s}/{z}/{x}/{y}", TileScheme.XYZ, null));
  }

  @Test
  void memoryCacheEvictsLeastRecentlyUsedByBytes() {
    TileMemoryCache cache = new TileMemoryCache(1000);
    TileMemoryCache.Key a = new TileMemoryCache.Key("osm", TileId.of(1, 0, 0));
    TileMemoryCache.Key b = new TileMemoryCache.Key("osm", TileId.of(1, 1, 0));
    TileMemoryCache.Key c = new TileMemoryCache.Key("osm", TileId.of(1, 0, 1));
    cache.put(a, tile(400));
    cache.put(b, tile(400));
    assertNotNull(cache.get(a)); // a is now the most recent, b the eldest
    cache.put(c, tile(400)); // 1200 > 1000: b goes
    assertNull(cache.get(b));
    assertNotNull(cache.get(a));
    assertNotNull(cache.get(c));
    TileMemoryCache.Stats s = cache.stats();
    assertEquals(800, s.bytes());
    assertEquals(2, s.tiles());
    assertEquals(3, s.hits());
    assertEquals(1, s.misses());
    assertEquals(1, s.evictions());
    cache.put(a, tile(100)); // replacing counts the new size only
    assertEquals(500, cache.stats().bytes());
    cache.put(new TileMemoryCache.Key("osm", TileId.of(0, 0, 0)), tile(5000)); // never fits
    assertEquals(500, cache.stats().bytes());
  }

  @Test
  void memoryCacheKeysNameTheSource() {
    TileMemoryCache cache = new TileMemoryCache(1000);
    cache.put(new TileMemoryCache.Key("vec", TileId.of(0, 0, 0)), tile(10));
    assertNull(cache.get(new TileMemoryCache.Key("img", TileId.of(0, 0, 0))));
  }

  @Test
  void gzippedPayloadsAreUnpacked() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(new byte[] {0x1a, 1, 2, 3});
    }
    TileData data = TileData.of(out.toByteArray(), "application/x-protobuf");
    assertEquals(4, data.size());
    assertEquals(0x1a, data.bytes()[0]);
    byte[] corrupt = {0x1f, (byte) 0x8b, 0, 0};
    assertThrows(RuntimeException.class, () -> TileData.of(corrupt, "x"));
  }

  @Test
  void retryBackoffDoublesAndIsCapped() {
    RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));
    assertEquals(Duration.ZERO, p.delayBefore(1));
    assertEquals(Duration.ofMillis(100), p.delayBefore(2));
    assertEquals(Duration.ofMillis(200), p.delayBefore(3));
    assertEquals(Duration.ofMillis(300), p.delayBefore(4));
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void secretsAreRedacted() {
    assertEquals(
        "http://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=***&TILEROW=1",
        SecretUrls.redact("http://t0.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=abc123&TILEROW=1"));
    assertEquals(
        "https://x/t.png?access_token=***", SecretUrls.redact("https://x/t.png?access_token=s"));
  }

  @Test
  void formatsByNameAndContentType() {
    assertEquals(TileFormat.MVT, TileFormat.parse("pbf"));
    assertEquals(TileFormat.JPG, TileFormat.parse("image/jpeg"));
    assertEquals(TileFormat.MVT, TileFormat.parse("application/vnd.mapbox-vector-tile;version=2"));
    assertThrows(IllegalArgumentException.class, () -> TileFormat.parse("tiff"));
    assertEquals(false, TileFormat.PNG.accepts("text/html; charset=utf-8"));
  }

  private static TileData tile(int bytes) {
    return new TileData(new byte[bytes], "image/png");
  }
}
