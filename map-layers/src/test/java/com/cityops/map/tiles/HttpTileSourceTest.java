package com.cityops.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cityops.map.geo.TileId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HttpTileSource against a real HTTP server on loopback (the JDK's), serving PNG tiles out of the
 * raster MBTiles fixture with {@code Cache-Control: max-age=1} and an ETag, plus paths that answer
 * 404, 500 twice, HTML instead of PNG, 403, or hang.
 */
class HttpTileSourceTest {
  static final TileId TILE = TileId.of(9, 427, 208); // in raster.mbtiles, central Shanghai

  HttpServer server;
  ExecutorService pool;
  MbTilesSource tiles;
  String base;
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final AtomicInteger notModified = new AtomicInteger();
  final AtomicInteger flaky = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);
  volatile String lastQuery;

  @BeforeEach
  void start() throws IOException {
    tiles = MbTilesSource.open(TileFilesTest.DIR.resolve("raster.mbtiles"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    server.stop(0);
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    tiles.close();
  }

  private void handle(HttpExchange ex) throws IOException {
    String[] p = ex.getRequestURI().getPath().split("/"); // "", kind, z, x, y.png
    String kind = p[1];
    hits.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    lastQuery = ex.getRequestURI().getRawQuery();
    switch (kind) {
      case "missing" -> send(ex, 404, "text/plain", "no tile".getBytes());
      case "flaky" -> {
        if (flaky.incrementAndGet() <= 2) {
          send(ex, 500, "text/plain", "backend hiccup".getBytes());
        } else {
          png(ex, p);
        }
      }
      case "html" ->
          send(ex, 200, "text/html; charset=utf-8", "<html><body>请登录 Please sign in".getBytes());
      case "forbidden" -> send(ex, 403, "text/plain", "invalid key".getBytes());
      case "slow" -> {
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(ex, 200, "image/png", new byte[] {1});
      }
      default -> png(ex, p);
    }
  }

  private void png(HttpExchange ex, String[] p) throws IOException {
    TileId id =
        TileId.of(
            Integer.parseInt(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4].split("\\.")[0]));
    String etag = "\"" + id.z() + "-" + id.x() + "-" + id.y() + "\"";
    ex.getResponseHeaders().set("Cache-Control", "max-age=1");
    ex.getResponseHeaders().set("ETag", etag);
    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    byte[] body = tiles.tile(id).found().orElseThrow().bytes();
    send(ex, 200, "image/png", body);
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(code, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  private HttpTileSource source(String kind, Path cache, RetryPolicy retry) {
    return HttpTileSource.builder(
            TileUrlTemplate.xyz(base + "/" + kind + "/{z}/{x}/{y}.png"),
            TileSourceInfo.of("test " + kind, TileFormat.PNG, 0, 18))
        .diskCache(cache, 10_000_000)
        .retry(retry)
        .timeout(Duration.ofMillis(400))
        .header("User-Agent", "CityOps-Console-test")
        .secretQueryParameter("tk", () -> "SECRET-KEY")
        .build();
  }

  private int hits(String kind) {
    return hits.getOrDefault(kind, new AtomicInteger()).get();
  }

  @Test
  void diskCacheServesFreshTilesAndRevalidatesStaleOnesWith304(@TempDir Path cache)
      throws Exception {
    try (HttpTileSource source = source("png", cache, RetryPolicy.NONE)) {
      byte[] first = source.tile(TILE).found().orElseThrow().bytes();
      assertArrayEquals(tiles.tile(TILE).found().orElseThrow().bytes(), first);
      assertEquals(1, hits("png"));

      byte[] second = source.tile(TILE).found().orElseThrow().bytes();
      assertArrayEquals(first, second);
      assertEquals(1, hits("png"), "fresh (max-age) tile came from the disk cache");
      assertEquals(1, source.diskCache().hitCount());

      Thread.sleep(1_200); // past max-age=1
      byte[] third = source.tile(TILE).found().orElseThrow().bytes();
      assertArrayEquals(first, third);
      assertEquals(2, hits("png"), "stale tile was revalidated");
      assertEquals(1, notModified.get(), "…with If-None-Match, answered 304");
      assertTrue(lastQuery.contains("tk=SECRET-KEY"), "the key reaches the server");
    }
  }

  @Test
  void memoryCacheAvoidsEvenTheDiskCache(@TempDir Path cache) {
    TileMemoryCache memory = new TileMemoryCache(1 << 20);
    try (HttpTileSource source =
        HttpTileSource.builder(
                TileUrlTemplate.xyz(base + "/png/{z}/{x}/{y}.png"),
                TileSourceInfo.of("mem", TileFormat.PNG, 0, 18))
            .memoryCache(memory)
            .build()) {
      source.tile(TILE);
      source.tile(TILE);
      assertEquals(1, hits("png"));
      assertEquals(1, memory.stats().hits());
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoff(@TempDir Path cache) {
    RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));
    try (HttpTileSource source = source("flaky", cache, three)) {
      assertInstanceOf(TileResult.Found.class, source.tile(TILE));
      assertEquals(3, hits("flaky"));
    }
  }

  @Test
  void retriesAreBounded(@TempDir Path cache) {
    RetryPolicy two = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
    try (HttpTileSource source = source("flaky", cache, two)) {
      TileResult.Failed failed = assertInstanceOf(TileResult.Failed.class, source.tile(TILE));
      assertTrue(failed.message().contains("HTTP 500: backend hiccup"), failed.message());
      assertTrue(failed.message().contains("2 attempts"), failed.message());
      assertEquals(2, hits("flaky"));
    }
  }

  @Test
  void notFoundIsMissingNotAnError(@TempDir Path cache) {
    try (HttpTileSource source = source("missing", cache, RetryPolicy.DEFAULT)) {
      assertInstanceOf(TileResult.Missing.class, source.tile(TILE));
      assertEquals(1, hits("missing"), "404 is not retried");
    }
  }

  @Test
  void htmlInsteadOfPngFailsClearlyWithoutTheKey(@TempDir Path cache) {
    try (HttpTileSource source = source("html", cache, RetryPolicy.DEFAULT)) {
      TileResult.Failed failed = assertInstanceOf(TileResult.Failed.class, source.tile(TILE));
      String m = failed.message();
      assertTrue(m.contains("content type 'text/html"), m);
      assertTrue(m.contains("expected image/png"), m);
      assertTrue(m.contains("Please sign in"), m);
      assertTrue(m.contains("/html/9/427/208.png"), m);
      assertFalse(m.contains("SECRET-KEY"), m);
      assertEquals(1, hits("html"), "wrong content is not retried");
    }
  }

  @Test
  void forbiddenHintsAtTheKey(@TempDir Path cache) {
    try (HttpTileSource source = source("forbidden", cache, RetryPolicy.DEFAULT)) {
      TileResult.Failed failed = assertInstanceOf(TileResult.Failed.class, source.tile(TILE));
      assertTrue(failed.message().contains("HTTP 403: invalid key"), failed.message());
      assertTrue(failed.message().contains("key may be wrong"), failed.message());
    }
  }

  @Test
  void aHangingServerTimesOut(@TempDir Path cache) {
    try (HttpTileSource source = source("slow", cache, RetryPolicy.NONE)) {
      long t0 = System.nanoTime();
      TileResult.Failed failed = assertInstanceOf(TileResult.Failed.class, source.tile(TILE));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(failed.message().contains("timed out"), failed.message());
      assertTrue(ms < 2_000, "gave up after " + ms + " ms");
      assertTrue(failed.cause() instanceof IOException);
    }
  }

  @Test
  void vectorTilesAreGunzipped(@TempDir Path cache) throws Exception {
    server.createContext(
        "/mvt",
        ex -> {
          String[] p = ex.getRequestURI().getPath().split("/");
          TileId id =
              TileId.of(
                  Integer.parseInt(p[2]),
                  Integer.parseInt(p[3]),
                  Integer.parseInt(p[4].split("\\.")[0]));
          // as stored (gzipped), labelled as plain protobuf — what many servers do
          try (MbTilesSource mb =
              MbTilesSource.open(TileFilesTest.DIR.resolve("districts.mbtiles"))) {
            byte[] raw = gz(mb, id);
            send(ex, 200, "application/x-protobuf", raw);
          }
        });
    try (HttpTileSource source =
        HttpTileSource.builder(
                TileUrlTemplate.xyz(base + "/mvt/{z}/{x}/{y}.pbf"),
                TileSourceInfo.of("mvt", TileFormat.MVT, 6, 10))
            .build()) {
      byte[] bytes = source.tile(TileId.of(8, 214, 104)).found().orElseThrow().bytes();
      assertEquals(0x1a, bytes[0]);
      assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("黄浦区"));
    }
  }

  private static byte[] gz(MbTilesSource mb, TileId id) throws IOException {
    byte[] plain = mb.tile(id).found().orElseThrow().bytes();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(out)) {
      g.write(plain);
    }
    return out.toByteArray();
  }
}
