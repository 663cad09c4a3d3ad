package com.cityops.map.basemap;

import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.maplibre.Sprite;
import com.cityops.map.tiles.HttpTileSource;
import com.cityops.map.tiles.MbTilesSource;
import com.cityops.map.tiles.PmTilesSource;
import com.cityops.map.tiles.TileFormat;
import com.cityops.map.tiles.TileJson;
import com.cityops.map.tiles.TileSource;
import com.cityops.map.tiles.TileSourceInfo;
import com.cityops.map.tiles.TileUrlTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Binds a style's sources to their data. A source {@code url} may be {@code mbtiles://FILE} or
 * {@code pmtiles://FILE} (relative to the style's folder unless absolute), a bare {@code .mbtiles}
 * / {@code .pmtiles} path, or an {@code http(s)} TileJSON URL; {@code tiles} URL templates are
 * fetched as XYZ; a {@code geojson} source's {@code data} is inline or a file or URL. Blocking
 * (TileJSON and GeoJSON may be fetched): call it off the UI thread.
 *
 * @param base where relative references point: the style file's folder, or its URL
 * @param http the client for TileJSON, GeoJSON and tiles (the app's, with its proxy and CAs)
 * @param cacheDir where HTTP tiles are kept between runs, or null for no disk cache
 */
public record BasemapSources(URI base, OkHttpClient http, Path cacheDir) {
  private static final long DISK_CACHE_BYTES = 256L << 20;

  /** For a style read from {@code styleFile}, without a disk cache. */
  public static BasemapSources beside(Path styleFile) {
    Path dir = styleFile.toAbsolutePath().getParent();
    return new BasemapSources(dir.toUri(), new OkHttpClient(), null);
  }

  /**
   * Reads the style at {@code ref} — a file path or an {@code http(s)} URL — for binding with the
   * answered sources (relative references resolve against where the style came from).
   *
   * @throws com.cityops.map.maplibre.MapLibreStyleException when it is not a valid style
   * @throws IllegalArgumentException when it cannot be read or fetched
   */
  public static Located locate(String ref, OkHttpClient http, Path cacheDir) {
    if (isHttp(ref.toLowerCase(Locale.ROOT))) {
      URI url = URI.create(ref);
      BasemapSources sources = new BasemapSources(url, http, cacheDir);
      return new Located(MapLibreStyle.parse(sources.fetch(url, "style")), sources);
    }
    Path file = Path.of(ref).toAbsolutePath();
    String json = read(file, "style");
    return new Located(
        MapLibreStyle.parse(json), new BasemapSources(file.getParent().toUri(), http, cacheDir));
  }

  /** A style and the resolver for its sources. */
  public record Located(MapLibreStyle style, BasemapSources sources) {}

  public BasemapSources withCache(Path dir) {
    return new BasemapSources(base, http, dir);
  }

  /** The source, or an exception whose message says which source and what is wrong with it. */
  BasemapSource open(MapLibreStyle.Source s, Consumer<String> problems) {
    String type = s.type() == null ? "" : s.type();
    return switch (type) {
      case "vector", "raster" -> new BasemapSource.Tiled(s.id(), tiles(s), problems);
      case "geojson" -> geoJson(s);
      default ->
          throw new IllegalArgumentException(
              "source '"
                  + s.id()
                  + "' has type '"
                  + type
                  + "'; vector, raster and geojson are read");
    };
  }

  private TileSource tiles(MapLibreStyle.Source s) {
    TileFormat fallback = "vector".equals(s.type()) ? TileFormat.MVT : TileFormat.PNG;
    if (s.url() != null && !s.url().isBlank()) {
      String url = s.url().trim();
      String lower = url.toLowerCase(Locale.ROOT);
      if (lower.startsWith("mbtiles://") || lower.endsWith(".mbtiles") && !isHttp(lower)) {
        return MbTilesSource.open(file(strip(url, "mbtiles://")));
      }
      if (lower.startsWith("pmtiles://") || lower.endsWith(".pmtiles")) {
        String target = strip(url, "pmtiles://");
        if (isHttp(target.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              "source '"
                  + s.id()
                  + "': PMTiles over HTTP is not read; copy the file and use "
                  + "pmtiles://FILE");
        }
        return PmTilesSource.open(file(target));
      }
      URI documentUrl = base.resolve(url);
      TileJson json =
          TileJson.parse(fetch(documentUrl, "TileJSON of source '" + s.id() + "'"), documentUrl);
      return cached(json.httpSource(), s.id()).build();
    }
    if (s.tiles().isEmpty()) {
      throw new IllegalArgumentException(
          "source '" + s.id() + "' has neither 'url' nor 'tiles'; nothing to draw from");
    }
    String template = s.tiles().get(0);
    int maxZoom = (int) Math.min(22, s.maxzoom());
    TileSourceInfo info =
        TileSourceInfo.of(s.id(), fallback, (int) Math.max(0, s.minzoom()), maxZoom)
            .withAttribution(s.attribution())
            .withTileSize(s.tileSize() > 0 ? s.tileSize() : 256);
    String absolute =
        base.resolve(protect(template)).toString().replace("%7B", "{").replace("%7D", "}");
    return cached(HttpTileSource.builder(TileUrlTemplate.xyz(absolute), info), s.id()).build();
  }

  private HttpTileSource.Builder cached(HttpTileSource.Builder b, String sourceId) {
    b.httpClient(http);
    if (cacheDir != null) {
      b.diskCache(cacheDir.resolve(sourceId.replaceAll("[^A-Za-z0-9._-]", "_")), DISK_CACHE_BYTES);
    }
    return b;
  }

  private BasemapSource geoJson(MapLibreStyle.Source s) {
    int maxZoom = (int) Math.min(22, s.maxzoom() > 0 ? s.maxzoom() : 18);
    MemoryFeatureSource features;
    if (s.data() != null && s.data().isObject()) {
      features = GeoJsonDataStore.read(s.data().toString(), s.id(), Crs.WGS84);
    } else if (s.data() != null && s.data().isTextual()) {
      String ref = s.data().asText();
      String text =
          isHttp(base.resolve(ref).toString())
              ? fetch(base.resolve(ref), "GeoJSON of source '" + s.id() + "'")
              : read(file(ref), "GeoJSON of source '" + s.id() + "'");
      features = GeoJsonDataStore.read(text, s.id(), Crs.WGS84);
    } else {
      throw new IllegalArgumentException(
          "geojson source '" + s.id() + "' has no 'data' (inline GeoJSON or a URL)");
    }
    return new BasemapSource.GeoJson(s.id(), features, maxZoom, s.attribution());
  }

  /**
   * The style's sprite, the high-resolution sheet ({@code @2x}) when there is one — icons carry
   * their pixel ratio, so either draws at the right size.
   *
   * @throws IllegalArgumentException or {@link com.cityops.map.maplibre.MapLibreStyleException}
   *     naming the sprite when neither can be read
   */
  Sprite sprite(String ref) {
    IllegalArgumentException first = null;
    for (String variant : new String[] {ref + "@2x", ref}) {
      try {
        return Sprite.read(bytes(variant + ".json"), bytes(variant + ".png"), variant);
      } catch (IllegalArgumentException e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  private byte[] bytes(String ref) {
    URI at = base.resolve(protect(ref));
    if (isHttp(at.toString())) {
      Request request = new Request.Builder().url(at.toString()).build();
      try (Response r = http.newCall(request).execute()) {
        if (!r.isSuccessful()) {
          throw new IllegalArgumentException(at + " answered HTTP " + r.code());
        }
        return r.body().bytes();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot fetch " + at + ": " + e.getMessage(), e);
      }
    }
    try {
      return Files.readAllBytes(ref.startsWith("/") ? Path.of(ref) : Path.of(at));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + ref + ": " + e.getMessage(), e);
    }
  }

  private Path file(String reference) {
    Path p = Path.of(reference);
    return p.isAbsolute() ? p : Path.of(base.resolve(protect(reference).replace(" ", "%20")));
  }

  private String fetch(URI url, String what) {
    Request request = new Request.Builder().url(url.toString()).build();
    try (Response r = http.newCall(request).execute()) {
      if (!r.isSuccessful()) {
        throw new IllegalArgumentException(
            what + ": " + url + " answered HTTP " + r.code() + " " + r.message());
      }
      return r.body().string();
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": cannot fetch " + url + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": cannot read " + file + ": " + e, e);
    }
  }

  private static boolean isHttp(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static String strip(String url, String scheme) {
    return url.regionMatches(true, 0, scheme, 0, scheme.length())
        ? url.substring(scheme.length())
        : url;
  }

  /** Braces are not legal in URIs; templates keep them. */
  private static String protect(String s) {
    return s.replace("{", "%7B").replace("}", "%7D");
  }
}
