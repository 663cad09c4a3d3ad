package com.cityops.sim.http;

import com.cityops.api.Json;
import com.cityops.api.Problem;
import com.cityops.api.ProblemType;
import com.cityops.map.tiles.TileResult;
import com.cityops.sim.tiles.TileJsonDocument;
import com.cityops.sim.tiles.TilePack;
import com.cityops.sim.tiles.TilePacks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small tile server over {@link TilePacks}: {@code GET /tiles} (the packs), {@code GET
 * /tiles/{pack}.json} (TileJSON 3.0.0) and {@code GET /tiles/{pack}/{z}/{x}/{y}.{ext}} (XYZ rows).
 *
 * <p>Public, no bearer token, unlike {@code /api/v1} and the OGC collections: a basemap is public
 * data (the same streets anyone's map shows), and tile clients — MapLibre, QGIS, our {@code
 * HttpTileSource} behind a shared HTTP cache — fetch tiles without the API's sign-in.
 *
 * <p>Tiles go out with {@code Cache-Control: public, max-age=N}, a strong {@code ETag} (a hash of
 * the bytes, so it is the same after a restart and changes only when the tile does) and {@code 304}
 * for a matching {@code If-None-Match}. Vector tiles are sent unzipped ({@code MbTilesSource}
 * unpacks the stored gzip) and never compressed on the wire ({@link ApiServer} excludes their type
 * from Javalin's compression), so a URL has one representation and the ETag names it. Errors are
 * problem+json: 404 for an unknown pack or a tile not in it, 400 for a malformed address or the
 * wrong extension. {@link TileFaults} may override the answer for tests. Thread-safe.
 */
final class TileEndpoint {
  static final String BASE = "/tiles";
  private static final Logger LOG = LoggerFactory.getLogger(TileEndpoint.class);
  private static final String JSON = "application/json";
  // A valid 10-byte gzip header followed by a deflate block of the reserved type 3: no inflater
  // accepts it, whatever the tile's own bytes are.
  private static final byte[] CORRUPT_GZIP = {
    0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff
  };

  private final TilePacks packs;
  private final TileFaults faults;
  private final String cacheControl;

  TileEndpoint(TilePacks packs, TileFaults faults, Duration maxAge) {
    this.packs = packs;
    this.faults = faults;
    this.cacheControl = "public, max-age=" + maxAge.toSeconds();
  }

  void configure(RoutesConfig routes) {
    routes.get(BASE, this::list);
    routes.get(BASE + "/{document}", this::tileJson);
    routes.get(BASE + "/{pack}/{z}/{x}/{file}", this::tile);
  }

  private void list(Context ctx) {
    String root = root(ctx);
    var entries =
        packs.all().stream().map(p -> TileJsonDocument.summary(p.id(), p.info(), root)).toList();
    sendJson(ctx, JSON, Map.of("packs", entries));
  }

  private void tileJson(Context ctx) {
    String document = ctx.pathParam("document");
    if (!document.endsWith(".json")) {
      throw new BadRequest(
          ProblemType.NOT_FOUND,
          "no document '"
              + document
              + "' under /tiles: a pack's TileJSON is /tiles/{pack}.json, and GET /tiles lists the"
              + " packs");
    }
    TilePack pack = pack(document.substring(0, document.length() - ".json".length()));
    sendJson(ctx, JSON, TileJsonDocument.of(pack.id(), pack.info(), root(ctx)));
  }

  private void tile(Context ctx) {
    TileRequest request =
        TileRequest.parse(
            ctx.pathParam("pack"), ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("file"));
    TileFault fault = faults.arrived(request.pack(), request.tile());
    if (fault instanceof TileFault.Delay delay) {
      pause(delay.duration());
    } else if (fault instanceof TileFault.Status status) {
      noStore(ctx);
      Problem problem =
          new Problem(
              ProblemType.INTERNAL.uri(),
              "Injected fault",
              status.code(),
              "HTTP " + status.code() + " injected by TileFaults for this tile",
              ctx.path(),
              null);
      sendJson(ctx.status(status.code()), Problem.MEDIA_TYPE, problem);
      return;
    } else if (fault instanceof TileFault.WrongContent wrong) {
      noStore(ctx);
      ctx.status(200)
          .contentType(wrong.contentType())
          .result(wrong.body().getBytes(StandardCharsets.UTF_8));
      return;
    }
    TilePack pack = pack(request.pack());
    String extension = pack.info().extension();
    if (!extension.equals(request.extension())) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "pack '"
              + pack.id()
              + "' serves ."
              + extension
              + " tiles, not ."
              + request.extension()
              + " (see "
              + TileJsonDocument.path(pack.id())
              + ")");
    }
    TileResult result = pack.tile(request.tile());
    if (result instanceof TileResult.Missing missing) {
      throw new BadRequest(
          ProblemType.NOT_FOUND,
          "pack '"
              + pack.id()
              + "' has no tile "
              + request.tile()
              + " ("
              + missing.reason()
              + "; zoom "
              + pack.info().minZoom()
              + "–"
              + pack.info().maxZoom()
              + ")");
    }
    if (result instanceof TileResult.Failed failed) {
      LOG.error(
          "tile {} of pack {}: {}", request.tile(), pack.id(), failed.message(), failed.cause());
      ApiServer.problem(
          ctx,
          ProblemType.INTERNAL,
          "reading tile "
              + request.tile()
              + " of pack '"
              + pack.id()
              + "' failed; see the server log");
      return;
    }
    byte[] bytes = ((TileResult.Found) result).data().bytes();
    String type = pack.info().contentType();
    if (fault instanceof TileFault.Truncated) {
      noStore(ctx);
      ctx.status(200).contentType(type).result(Arrays.copyOf(bytes, bytes.length / 2));
      return;
    }
    if (fault instanceof TileFault.CorruptGzip) {
      noStore(ctx);
      ctx.status(200).contentType(type).result(CORRUPT_GZIP.clone());
      return;
    }
    String etag = etag(bytes);
    ctx.header("Cache-Control", cacheControl).header("ETag", etag);
    if (matches(ctx.header("If-None-Match"), etag)) {
      faults.answeredNotModified(request.pack(), request.tile());
      // RFC 9110 §15.4.5: the same ETag and Cache-Control, no body and no Content-Length.
      // Committing now keeps Jetty from adding "Content-Length: 0" when the response completes
      // (which claims an empty tile); the tile's real length would be legal, but OkHttp then
      // waits for that many body bytes that never come.
      ctx.status(304);
      ctx.res().setContentType(null);
      try {
        ctx.res().flushBuffer();
      } catch (IOException e) {
        throw new UncheckedIOException("the client went away during a 304", e);
      }
      return;
    }
    ctx.status(200).contentType(type).result(bytes);
  }

  private TilePack pack(String id) {
    return packs
        .get(id)
        .orElseThrow(
            () ->
                new BadRequest(
                    ProblemType.NOT_FOUND,
                    "no tile pack '"
                        + id
                        + "'"
                        + (packs.all().isEmpty()
                            ? "; this server serves none (start it with --tiles DIR)"
                            : "; GET /tiles lists the packs")));
  }

  /** A strong validator: the first 128 bits of the SHA-256 of the bytes sent. */
  static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * Whether {@code If-None-Match} names {@code etag}: a list of tags or {@code *}, compared weakly
   * as RFC 9110 §13.1.2 asks (a {@code W/} prefix is ignored).
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping: answer at once
    }
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  /** Scheme and authority as the client reached us, so tile URLs work behind port mapping. */
  private static String root(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static void sendJson(Context ctx, String type, Object body) {
    ctx.contentType(type + ";charset=utf-8")
        .result(Json.write(body).getBytes(StandardCharsets.UTF_8));
  }
}
