package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cityops.api.Json;
import com.cityops.api.Problem;
import com.cityops.map.geo.TileId;
import com.cityops.map.tiles.HttpTileSource;
import com.cityops.map.tiles.RetryPolicy;
import com.cityops.map.tiles.TileData;
import com.cityops.map.tiles.TileFormat;
import com.cityops.map.tiles.TileJson;
import com.cityops.map.tiles.TileResult;
import com.cityops.map.tiles.TileScheme;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileException;
import com.cityops.sim.contract.ContractSchemas;
import com.cityops.sim.http.TileFault;
import com.cityops.sim.http.TileFaults;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map engine's real tile client ({@link HttpTileSource}, set up from the server's TileJSON with
 * {@link TileJson}) against the reference backend serving the engine's own MBTiles fixtures on
 * loopback: what arrives equals what the files hold, OkHttp's disk cache spares requests and
 * revalidates with 304, retries deliver after 503s, and every failure — 500, 404, a login page, a
 * truncated or corrupt body, a slow answer — ends as the {@link TileResult} the renderer expects,
 * with a message naming the URL. Faults are injected in process ({@link TileFaults}), so each
 * answer is deterministic, and the server's request counts prove what the cache did.
 */
class TileServingIT {
  /** The map engine's fixtures (see their README), read here straight from SQLite as the oracle. */
  static final Path FIXTURES = Path.of("..", "map-layers", "src", "test", "resources", "tiles");

  static final String VECTOR = "districts";
  static final String RASTER = "raster";
  static final RetryPolicy FAST_RETRIES =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));

  @TempDir static Path tilesDir;
  static SimServer server;
  static TileFaults faults;
  static OkHttpClient http;
  static final ContractSchemas CONTRACT = new ContractSchemas();

  @TempDir Path cacheDir;

  @BeforeAll
  static void start() throws IOException {
    for (String pack : List.of(VECTOR, RASTER)) {
      Files.copy(fixture(pack), tilesDir.resolve(pack + ".mbtiles"));
    }
    Files.writeString(tilesDir.resolve("README.txt"), "not a pack: only *.mbtiles are served");
    server = SimServer.start(config().build());
    faults = server.tileFaults();
    http = new OkHttpClient();
  }

  static SimConfig.Builder config() {
    return SimConfig.builder()
        .port(0)
        .start(Instant.parse("2026-11-22T02:00:00Z"))
        .tilesDir(tilesDir);
  }

  @AfterAll
  static void stop() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @BeforeEach
  void forgetFaultsAndCounts() {
    faults.reset();
  }

  // ---- TileJSON ---------------------------------------------------------------------------------

  @Test
  void tileJsonDescribesEachPackAndItsTileUrlsWork() throws Exception {
    JsonNode list = getJson(server.baseUrl() + "/tiles");
    assertThat(list.get("packs").findValuesAsText("id")).containsExactly(VECTOR, RASTER);

    TileJson vector = tileJson(server, VECTOR);
    assertThat(vector.info().name()).isEqualTo("Shanghai districts");
    assertThat(vector.info().format()).isEqualTo(TileFormat.MVT);
    assertThat(vector.info().minZoom()).isEqualTo(6);
    assertThat(vector.info().maxZoom()).isEqualTo(10);
    assertThat(vector.info().scheme()).isEqualTo(TileScheme.XYZ);
    assertThat(vector.info().vectorLayers()).containsExactly("districts");
    // the MBTiles metadata: 120.8574220,30.6757810,122.0126950,31.8671880
    assertThat(vector.info().bounds().getMinX()).isCloseTo(120.857422, within(1e-6));
    assertThat(vector.info().bounds().getMinY()).isCloseTo(30.675781, within(1e-6));
    assertThat(vector.info().bounds().getMaxX()).isCloseTo(122.012695, within(1e-6));
    assertThat(vector.info().bounds().getMaxY()).isCloseTo(31.867188, within(1e-6));
    assertThat(vector.tiles())
        .containsExactly(server.baseUrl() + "/tiles/districts/{z}/{x}/{y}.pbf");

    TileJson raster = tileJson(server, RASTER);
    assertThat(raster.info().format()).isEqualTo(TileFormat.PNG);
    assertThat(raster.info().minZoom()).isEqualTo(8);
    assertThat(raster.info().maxZoom()).isEqualTo(9);
    assertThat(raster.info().vectorLayers()).isEmpty();

    TileId vectorTile = storedTiles(VECTOR, 8).get(0);
    try (HttpTileSource source = vector.httpSource().build()) {
      VectorTile decoded = MvtDecoder.decode(found(source.tile(vectorTile)).bytes());
      assertThat(decoded.layer("districts")).isNotNull();
      assertThat(decoded.layer("districts").features()).isNotEmpty();
    }
    TileId rasterTile = storedTiles(RASTER, 9).get(0);
    try (HttpTileSource source = raster.httpSource().build()) {
      TileData png = found(source.tile(rasterTile));
      assertThat(png.contentType()).isEqualTo("image/png");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
      assertThat(image.getWidth()).isEqualTo(256);
      assertThat(image.getHeight()).isEqualTo(256);
    }
  }

  @Test
  void documentsMatchTheOpenApiContract() throws Exception {
    assertThat(CONTRACT.validateResponse("/tiles", 200, getJson(server.baseUrl() + "/tiles")))
        .isEmpty();
    for (String pack : List.of(VECTOR, RASTER)) {
      JsonNode doc = getJson(server.baseUrl() + "/tiles/" + pack + ".json");
      assertThat(CONTRACT.validateResponse("/tiles/{pack}.json", 200, doc)).as(pack).isEmpty();
    }
    Reply unknown = get("/tiles/nowhere.json", null);
    assertThat(CONTRACT.validateResponse("/tiles/{pack}.json", 404, Json.readTree(unknown.body())))
        .isEmpty();
    Reply malformed = get("/tiles/districts/8/x/1.pbf", null);
    assertThat(
            CONTRACT.validateResponse(
                "/tiles/{pack}/{z}/{x}/{y}.{ext}", 400, Json.readTree(malformed.body())))
        .isEmpty();
  }

  // ---- found tiles and caching ------------------------------------------------------------------

  @Test
  void everyFoundTileIsItsMbTilesRowUnpackedAsTheClientUnpacksIt() throws Exception {
    for (String pack : List.of(VECTOR, RASTER)) {
      TileJson doc = tileJson(server, pack);
      try (HttpTileSource source = doc.httpSource().retry(RetryPolicy.NONE).build()) {
        for (int z = doc.info().minZoom(); z <= doc.info().maxZoom(); z++) {
          for (TileId tile : storedTiles(pack, z)) {
            byte[] row = storedRow(pack, tile);
            // gzipped vector rows arrive gunzipped; TileData.of is how the client would unpack the
            // stored row, so both sides are compared in the form a decoder gets
            byte[] expected = TileData.of(row, "").bytes();
            TileData got = found(source.tile(tile));
            assertThat(got.bytes()).as("%s %s", pack, tile).isEqualTo(expected);
            assertThat(got.contentType())
                .isEqualTo(pack.equals(VECTOR) ? "application/x-protobuf" : "image/png");
          }
        }
      }
    }
    assertThat(storedRow(VECTOR, storedTiles(VECTOR, 8).get(0))[0] & 0xff)
        .as("the vector fixture stores gzip, so the unpacking above was exercised")
        .isEqualTo(0x1f);
  }

  @Test
  void aSecondFetchComesFromTheDiskCacheWithoutARequest() throws Exception {
    TileId tile = storedTiles(VECTOR, 9).get(0);
    byte[] first;
    try (HttpTileSource source = source(server, VECTOR, FAST_RETRIES)) {
      first = found(source.tile(tile)).bytes();
      assertThat(faults.requests(VECTOR, tile)).isEqualTo(1);

      byte[] second = found(source.tile(tile)).bytes();
      assertThat(second).isEqualTo(first);
      assertThat(faults.requests(VECTOR, tile)).as("served from the disk cache").isEqualTo(1);
      assertThat(source.diskCache().hitCount()).isEqualTo(1);
      assertThat(source.diskCache().networkCount()).isEqualTo(1);
    }
    // the cache is a folder: a new source on it (the next start of the app) still needs no request
    try (HttpTileSource again = source(server, VECTOR, FAST_RETRIES)) {
      assertThat(found(again.tile(tile)).bytes()).isEqualTo(first);
    }
    assertThat(faults.requests(VECTOR, tile)).isEqualTo(1);
  }

  @Test
  void aStaleTileIsRevalidatedWith304AndStillDelivered() throws Exception {
    // max-age 0: every use revalidates, without the test sleeping past an expiry
    try (SimServer strict = SimServer.start(config().tileMaxAge(Duration.ZERO).build())) {
      TileFaults strictFaults = strict.tileFaults();
      TileId tile = storedTiles(RASTER, 9).get(1);
      try (HttpTileSource source = source(strict, RASTER, FAST_RETRIES)) {
        byte[] first = found(source.tile(tile)).bytes();
        byte[] second = found(source.tile(tile)).bytes();
        byte[] third = found(source.tile(tile)).bytes();

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(strictFaults.requests(RASTER, tile)).isEqualTo(3);
        assertThat(strictFaults.notModified(RASTER, tile))
            .as("the second and third asked with If-None-Match and got 304, no bytes")
            .isEqualTo(2);
        assertThat(source.diskCache().hitCount()).as("304s answered from the cache").isEqualTo(2);
      }
      Reply direct = request(strict, "/tiles/raster/" + path(tile) + ".png");
      assertThat(direct.header("Cache-Control")).isEqualTo("public, max-age=0");
    }
  }

  @Test
  void tilesCarryCacheHeadersAndAStrongEtagThatAnswers304() throws Exception {
    TileId tile = storedTiles(VECTOR, 10).get(0);
    String url = "/tiles/districts/" + path(tile) + ".pbf";
    Reply ok = get(url, null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Content-Type")).isEqualTo("application/x-protobuf");
    assertThat(ok.header("Cache-Control")).isEqualTo("public, max-age=3600");
    String etag = ok.header("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    Reply notModified = get(url, etag);
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.bytes()).isEmpty();
    // no Content-Length: a 0 would describe an empty tile, and the real length makes OkHttp wait
    // for a body a 304 never has (the next request on this connection would then time out)
    assertThat(notModified.header("Content-Length")).isNull();
    assertThat(notModified.header("Content-Type")).isNull();
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    assertThat(notModified.header("Cache-Control")).isEqualTo("public, max-age=3600");
    assertThat(get(url, "W/" + etag + ", \"other\"").status()).isEqualTo(304);
    assertThat(get(url, "\"other\"").status()).isEqualTo(200);
    assertThat(faults.notModified(VECTOR, tile)).isEqualTo(2);
  }

  @Test
  void vectorTilesAreNeverGzippedOnTheWireSoOneUrlHasOneRepresentation() throws Exception {
    TileId big = largestStoredTile(VECTOR); // well above Javalin's 1500-byte compression threshold
    Reply reply =
        request(server, "/tiles/districts/" + path(big) + ".pbf", "Accept-Encoding", "gzip, br");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Encoding")).isNull();
    assertThat(reply.header("Vary")).isNull();
    assertThat(reply.bytes()).isEqualTo(TileData.of(storedRow(VECTOR, big), "").bytes());
    assertThat(reply.bytes().length).isGreaterThan(1500);
  }

  // ---- failures ---------------------------------------------------------------------------------

  @Test
  void aTileThatAnswers503TwiceIsDeliveredByTheThirdAttempt() throws Exception {
    TileId tile = storedTiles(VECTOR, 9).get(1);
    faults.next(VECTOR, tile, 2, TileFault.status(503));
    try (HttpTileSource source = source(server, VECTOR, FAST_RETRIES)) {
      TileData data = found(source.tile(tile));
      assertThat(data.bytes()).isEqualTo(TileData.of(storedRow(VECTOR, tile), "").bytes());
    }
    assertThat(faults.requests(VECTOR, tile)).isEqualTo(3);
  }

  @Test
  void aPersistent500FailsNamingTheUrlAndTheStatus() throws Exception {
    TileId tile = storedTiles(VECTOR, 9).get(2);
    faults.always(VECTOR, tile, TileFault.status(500));
    try (HttpTileSource source = source(server, VECTOR, FAST_RETRIES)) {
      TileResult result = source.tile(tile);
      assertThat(result).isInstanceOf(TileResult.Failed.class);
      assertThat(((TileResult.Failed) result).message())
          .contains("GET " + server.baseUrl() + "/tiles/districts/" + path(tile) + ".pbf")
          .contains("HTTP 500")
          .contains("3 attempts");
    }
    assertThat(faults.requests(VECTOR, tile)).as("one request per attempt").isEqualTo(3);
  }

  @Test
  void aTileOutsideThePackIsMissingAtOnceWithoutRetries() throws Exception {
    TileId absent = TileId.of(8, 0, 0); // zoom in range, no row: the pack covers Shanghai only
    // retries would wait 2 s first: finishing sooner shows none was tried
    RetryPolicy slowRetries = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (HttpTileSource source = source(server, VECTOR, slowRetries)) {
      long start = System.nanoTime();
      TileResult result = source.tile(absent);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result).isInstanceOf(TileResult.Missing.class);
      assertThat(((TileResult.Missing) result).reason()).contains("404");
      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(faults.requests(VECTOR, absent)).isEqualTo(1);

      // beyond the TileJSON's zoom range the client does not even ask
      TileId tooDeep = TileId.of(11, 1711, 837);
      assertThat(source.tile(tooDeep)).isInstanceOf(TileResult.Missing.class);
      assertThat(faults.requests(VECTOR, tooDeep)).isZero();
    }
  }

  @Test
  void aLoginPageForAPngTileFailsNamingTheContentType() throws Exception {
    TileId tile = storedTiles(RASTER, 9).get(2);
    faults.always(RASTER, tile, TileFault.html());
    try (HttpTileSource source = source(server, RASTER, FAST_RETRIES)) {
      TileResult result = source.tile(tile);
      assertThat(result).isInstanceOf(TileResult.Failed.class);
      assertThat(((TileResult.Failed) result).message())
          .contains(server.baseUrl() + "/tiles/raster/" + path(tile) + ".png")
          .contains("content type 'text/html;charset=utf-8'")
          .contains("expected image/png")
          .contains("Please sign in");
    }
    assertThat(faults.requests(RASTER, tile)).as("wrong content is not retried").isEqualTo(1);
  }

  @Test
  void truncatedVectorBytesAreRejectedByTheStrictDecoder() throws Exception {
    TileId tile = largestStoredTile(VECTOR);
    faults.next(VECTOR, tile, 1, TileFault.truncated());
    try (HttpTileSource source = source(server, VECTOR, FAST_RETRIES)) {
      // HTTP cannot tell: a complete 200 of the right type. Only decoding shows the damage.
      TileData damaged = found(source.tile(tile));
      assertThatThrownBy(() -> MvtDecoder.decode(damaged.bytes()))
          .isInstanceOf(VectorTileException.class)
          .hasMessageContaining("not a vector tile (truncated or not a protocol buffer)");
      // structural damage: even the lenient mode a map uses cannot repair it
      assertThatThrownBy(() -> MvtDecoder.decode(damaged.bytes(), problem -> {}))
          .isInstanceOf(VectorTileException.class)
          .hasMessageContaining("truncated");

      // the damaged answer was not cached (no-store): the next fetch asks again and decodes.
      // Leniently: GDAL wrote a few rings of this fixture with hole winding, which the strict
      // mode refuses (8 of its 32 tiles), the lenient one reverses.
      List<String> problems = new ArrayList<>();
      VectorTile whole = MvtDecoder.decode(found(source.tile(tile)).bytes(), problems::add);
      assertThat(whole.layer("districts").features()).isNotEmpty();
      assertThat(problems).allMatch(p -> p.contains("winds like a hole"));
    }
    assertThat(faults.requests(VECTOR, tile)).isEqualTo(2);
  }

  @Test
  void aBodyThatIsNotValidGzipFailsAtTheClient() throws Exception {
    TileId tile = storedTiles(VECTOR, 10).get(1);
    faults.always(VECTOR, tile, TileFault.corruptGzip());
    try (HttpTileSource source = source(server, VECTOR, FAST_RETRIES)) {
      TileResult result = source.tile(tile);
      assertThat(result).isInstanceOf(TileResult.Failed.class);
      assertThat(((TileResult.Failed) result).message())
          .contains(server.baseUrl() + "/tiles/districts/" + path(tile) + ".pbf")
          .contains("starts like gzip but does not decompress");
    }
  }

  @Test
  void aSlowAnswerTimesOutAndTheRetryDelivers() throws Exception {
    TileId tile = storedTiles(VECTOR, 10).get(2);
    faults.next(VECTOR, tile, 1, TileFault.delay(Duration.ofSeconds(3)));
    try (HttpTileSource source =
        tileJson(server, VECTOR)
            .httpSource()
            .diskCache(cacheDir, 10 << 20)
            .retry(FAST_RETRIES)
            .timeout(Duration.ofSeconds(1))
            .build()) {
      assertThat(found(source.tile(tile)).bytes())
          .isEqualTo(TileData.of(storedRow(VECTOR, tile), "").bytes());
    }
    assertThat(faults.requests(VECTOR, tile)).isEqualTo(2);
  }

  @Test
  void badAddressesAndUnknownPacksAreProblemsThatSayWhatToDo() throws Exception {
    Reply unknownPack = get("/tiles/nowhere/8/213/104.pbf", null);
    assertThat(unknownPack.status()).isEqualTo(404);
    assertThat(unknownPack.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(unknownPack.body()).contains("no tile pack 'nowhere'", "GET /tiles lists the packs");

    Reply noRow = get("/tiles/districts/8/0/0.pbf", null);
    assertThat(noRow.status()).isEqualTo(404);
    assertThat(noRow.body()).contains("pack 'districts' has no tile 8/0/0", "zoom 6–10");
    assertThat(get("/tiles/districts/11/0/0.pbf", null).status()).isEqualTo(404);

    Reply wrongExtension = get("/tiles/districts/8/213/104.png", null);
    assertThat(wrongExtension.status()).isEqualTo(400);
    assertThat(wrongExtension.body()).contains("serves .pbf tiles, not .png");

    for (String bad :
        List.of("8/x/104.pbf", "8/213/104", "08/213/104.pbf", "8/-1/104.pbf", "8/256/0.pbf")) {
      Reply reply = get("/tiles/districts/" + bad, null);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.header("Content-Type")).as(bad).startsWith(Problem.MEDIA_TYPE);
    }
    assertThat(get("/tiles/districts.xml", null).status()).isEqualTo(404);
    assertThat(faults.requests("nowhere", TileId.of(8, 213, 104))).isEqualTo(1);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static Path fixture(String pack) {
    Path file = FIXTURES.resolve(pack + ".mbtiles");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "fixture " + file.toAbsolutePath() + " is missing; run the test from the sim module");
    }
    return file;
  }

  static TileJson tileJson(SimServer on, String pack) throws IOException {
    String url = on.baseUrl() + "/tiles/" + pack + ".json";
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      return TileJson.parse(response.body().string(), URI.create(url));
    }
  }

  HttpTileSource source(SimServer on, String pack, RetryPolicy retry) throws IOException {
    return tileJson(on, pack)
        .httpSource()
        .diskCache(cacheDir, 10 << 20)
        .retry(retry)
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  static TileData found(TileResult result) {
    assertThat(result).isInstanceOf(TileResult.Found.class);
    return ((TileResult.Found) result).data();
  }

  static String path(TileId tile) {
    return tile.z() + "/" + tile.x() + "/" + tile.y();
  }

  /** The XYZ ids of the rows at zoom {@code z}, from SQLite directly (rows flipped by hand). */
  static List<TileId> storedTiles(String pack, int z) throws SQLException {
    List<TileId> tiles = new ArrayList<>();
    try (Connection db = db(pack);
        PreparedStatement s =
            db.prepareStatement(
                "SELECT tile_column, tile_row FROM tiles WHERE zoom_level = ?"
                    + " ORDER BY tile_column, tile_row")) {
      s.setInt(1, z);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          tiles.add(TileId.of(z, r.getInt(1), (1 << z) - 1 - r.getInt(2)));
        }
      }
    }
    assertThat(tiles).as("%s has rows at zoom %d", pack, z).isNotEmpty();
    return tiles;
  }

  static TileId largestStoredTile(String pack) throws SQLException {
    try (Connection db = db(pack);
        PreparedStatement s =
            db.prepareStatement(
                "SELECT zoom_level, tile_column, tile_row FROM tiles"
                    + " ORDER BY length(tile_data) DESC LIMIT 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      int z = r.getInt(1);
      return TileId.of(z, r.getInt(2), (1 << z) - 1 - r.getInt(3));
    }
  }

  static byte[] storedRow(String pack, TileId tile) throws SQLException {
    try (Connection db = db(pack);
        PreparedStatement s =
            db.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ?"
                    + " AND tile_row = ?")) {
      s.setInt(1, tile.z());
      s.setInt(2, tile.x());
      s.setInt(3, (1 << tile.z()) - 1 - tile.y());
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("%s has a row for %s", pack, tile).isTrue();
        return r.getBytes(1);
      }
    }
  }

  static Connection db(String pack) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + fixture(pack).toAbsolutePath());
  }

  static JsonNode getJson(String url) throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      return Json.readTree(response.body().string());
    }
  }

  /** A GET of the main server, with {@code If-None-Match} unless null. */
  static Reply get(String path, String ifNoneMatch) throws IOException {
    return ifNoneMatch == null
        ? request(server, path)
        : request(server, path, "If-None-Match", ifNoneMatch);
  }

  /** A plain GET with {@code headers} as name, value pairs; nothing cached or unzipped. */
  static Reply request(SimServer on, String path, String... headers) throws IOException {
    Request.Builder request = new Request.Builder().url(on.baseUrl() + path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(response.code(), response.headers(), response.body().bytes());
    }
  }

  record Reply(int status, okhttp3.Headers headers, byte[] bytes) {
    String header(String name) {
      return headers.get(name);
    }

    String body() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
