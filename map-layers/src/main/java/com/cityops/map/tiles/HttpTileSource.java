package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Cache;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tiles from an HTTP tile service (XYZ/TMS templates, WMTS GetTile), through two caches: a {@link
 * TileMemoryCache} (optional, shared by layers) and OkHttp's disk {@link Cache}, which honours
 * {@code Cache-Control}, {@code Expires} and revalidates stale tiles with {@code ETag}/{@code
 * Last-Modified} (a 304 costs no tile bytes). Failures that may pass (5xx, 429, I/O, timeouts) are
 * retried per {@link RetryPolicy}; 404/204/empty body mean <em>missing</em>; other 4xx and a body
 * that is not the layer's format (a {@code text/html} login page for a PNG) are <em>failed</em>
 * with a message naming the URL — API keys replaced by {@code ***}.
 *
 * <p>Secret query parameters ({@link Builder#secretQueryParameter}, e.g. 天地图's {@code tk}) are
 * added by a network interceptor, after the cache: cache files, cache keys and error messages never
 * contain the key, and a new key does not invalidate the cached tiles.
 *
 * <p>Thread-safe (OkHttp's client and cache are); {@link #close} closes the disk cache.
 */
public final class HttpTileSource implements TileSource {
  private static final int BODY_PREVIEW = 160;

  private final TileSourceInfo info;
  private final TileUrls urls;
  private final OkHttpClient http;
  private final Cache diskCache;
  private final TileMemoryCache memory;
  private final RetryPolicy retry;
  private final Map<String, String> headers;

  private HttpTileSource(Builder b) {
    this.info = b.info;
    this.urls = b.urls;
    this.memory = b.memory;
    this.retry = b.retry;
    this.headers = Map.copyOf(b.headers);
    this.diskCache =
        b.cacheDirectory == null ? null : new Cache(b.cacheDirectory.toFile(), b.cacheBytes);
    OkHttpClient.Builder client =
        (b.http != null ? b.http.newBuilder() : new OkHttpClient.Builder())
            .connectTimeout(b.timeout)
            .readTimeout(b.timeout)
            .callTimeout(b.timeout.multipliedBy(2))
            .cache(diskCache);
    Map<String, Supplier<String>> secrets = Map.copyOf(b.secrets);
    if (!secrets.isEmpty()) {
      client.addNetworkInterceptor(
          chain -> {
            HttpUrl.Builder url = chain.request().url().newBuilder();
            secrets.forEach((name, value) -> url.setQueryParameter(name, value.get()));
            return chain.proceed(chain.request().newBuilder().url(url.build()).build());
          });
    }
    this.http = client.build();
  }

  public static Builder builder(TileUrls urls, TileSourceInfo info) {
    return new Builder(urls, info);
  }

  @Override
  public TileSourceInfo info() {
    return info;
  }

  @Override
  public TileResult tile(TileId id) {
    if (!info.covers(id)) {
      return TileResult.missing(
          "zoom " + id.z() + " is outside " + info.minZoom() + "–" + info.maxZoom());
    }
    // Keyed by where the tiles come from: names (from TileJSON) are not unique between servers.
    TileMemoryCache.Key key = new TileMemoryCache.Key(info.name() + " " + urls, id);
    if (memory != null) {
      TileData hit = memory.get(key);
      if (hit != null) {
        return TileResult.found(hit);
      }
    }
    Optional<String> url = urls.url(id);
    if (url.isEmpty()) {
      return TileResult.missing("the service has no tile " + id);
    }
    TileResult result = fetch(id, url.get());
    if (memory != null && result instanceof TileResult.Found found) {
      memory.put(key, found.data());
    }
    return result;
  }

  private TileResult fetch(TileId id, String url) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", accept());
    headers.forEach(request::header);
    Request built = request.build();
    String shown = info.name() + " tile " + id + " (GET " + SecretUrls.redact(url) + ")";
    String lastProblem = "";
    Throwable lastCause = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (!sleep(retry.delayBefore(attempt))) {
        return TileResult.failed(shown + " was interrupted", null);
      }
      try (Response response = http.newCall(built).execute()) {
        int code = response.code();
        if (code == 200) {
          return body(shown, response);
        }
        if (code == 404 || code == 204) {
          return TileResult.missing("HTTP " + code);
        }
        lastProblem = "answered HTTP " + code + preview(response);
        lastCause = null;
        if (code < 500 && code != 429) {
          return TileResult.failed(shown + " " + lastProblem + hint(code), null);
        }
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          return TileResult.failed(shown + " was interrupted", e);
        }
        lastProblem = "timed out: " + e.getMessage();
        lastCause = e;
      } catch (java.net.UnknownHostException | javax.net.ssl.SSLException e) {
        // Not going to pass by waiting: a wrong host name or a certificate the client rejects.
        return TileResult.failed(shown + " failed: " + e, e);
      } catch (IOException e) {
        lastProblem = "failed: " + e;
        lastCause = e;
      }
    }
    String tries = retry.maxAttempts() == 1 ? "" : " (" + retry.maxAttempts() + " attempts)";
    return TileResult.failed(shown + " " + lastProblem + tries, lastCause);
  }

  private TileResult body(String shown, Response response) throws IOException {
    String type = response.header("Content-Type", "");
    byte[] bytes = response.body().bytes();
    if (bytes.length == 0) {
      return TileResult.missing("HTTP 200 with an empty body");
    }
    if (!info.format().accepts(type)) {
      String text =
          type.startsWith("text/") || type.contains("json") || type.contains("xml")
              ? ": "
                  + new String(
                          bytes, 0, Math.min(bytes.length, BODY_PREVIEW), StandardCharsets.UTF_8)
                      .replaceAll("\\s+", " ")
              : "";
      return TileResult.failed(
          shown
              + " answered content type '"
              + type
              + "', expected "
              + info.format().contentType()
              + " for a "
              + info.format()
              + " layer (an error or login page? check the URL, key and Referer)"
              + text,
          null);
    }
    try {
      return TileResult.found(TileData.of(bytes, type));
    } catch (UncheckedIOException e) {
      return TileResult.failed(shown + ": " + e.getMessage(), e);
    }
  }

  private String accept() {
    return info.format().isVector()
        ? info.format().contentType() + ", application/x-protobuf;q=0.9, */*;q=0.5"
        : info.format().contentType() + ", image/*;q=0.9";
  }

  private static String preview(Response response) {
    try {
      String type = response.header("Content-Type", "");
      if (!type.startsWith("text/") && !type.contains("json") && !type.contains("xml")) {
        return "";
      }
      String body = response.peekBody(BODY_PREVIEW).string().replaceAll("\\s+", " ").trim();
      return body.isEmpty() ? "" : ": " + body;
    } catch (IOException e) {
      return ""; // the status already says what failed; an unreadable error body adds nothing
    }
  }

  private static String hint(int code) {
    return switch (code) {
      case 401, 403 -> " — the key may be wrong or not allowed for this host/Referer";
      case 400 -> " — the service rejects the request; check the layer, matrix set and format";
      default -> "";
    };
  }

  private static boolean sleep(Duration d) {
    if (d.isZero()) {
      return true;
    }
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the worker is shutting down: let it see why
      return false;
    }
  }

  /** Disk cache counters (requests, network, hits), or null without a disk cache. */
  public Cache diskCache() {
    return diskCache;
  }

  @Override
  public void close() {
    if (diskCache != null) {
      try {
        diskCache.close();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "closing the tile disk cache of '" + info.name() + "' failed: " + e, e);
      }
    }
  }

  /** Settings; defaults: 10 s timeouts, {@link RetryPolicy#DEFAULT}, no caches. */
  public static final class Builder {
    private final TileUrls urls;
    private final TileSourceInfo info;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> secrets = new LinkedHashMap<>();
    private OkHttpClient http;
    private Duration timeout = Duration.ofSeconds(10);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private TileMemoryCache memory;
    private Path cacheDirectory;
    private long cacheBytes;

    private Builder(TileUrls urls, TileSourceInfo info) {
      this.urls = Objects.requireNonNull(urls, "urls");
      this.info = Objects.requireNonNull(info, "info");
    }

    /** A header sent with every request, e.g. {@code User-Agent} or {@code Referer}. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A query parameter added on the wire only (e.g. {@code tk}), read for each request so a key
     * changed in the settings applies at once; never part of cache keys or messages.
     */
    public Builder secretQueryParameter(String name, Supplier<String> value) {
      secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Connect and read timeout; a whole call may take twice this. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("tile timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder retry(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder memoryCache(TileMemoryCache cache) {
      this.memory = cache;
      return this;
    }

    /**
     * OkHttp's HTTP cache in {@code directory}, at most {@code maxBytes}; one source per folder.
     */
    public Builder diskCache(Path directory, long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("disk cache size must be positive, got " + maxBytes);
      }
      this.cacheDirectory = Objects.requireNonNull(directory, "directory");
      this.cacheBytes = maxBytes;
      return this;
    }

    /** A shared client (proxy, TLS, connection pool); timeouts and cache are set on a copy. */
    public Builder httpClient(OkHttpClient client) {
      this.http = client;
      return this;
    }

    public HttpTileSource build() {
      return new HttpTileSource(this);
    }
  }
}
