package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * A client of an OGC API – Features (Part 1: Core, GeoJSON) server: lists its collections and loads
 * the features of one collection inside a lon/lat box into a {@link MemoryFeatureSource}, following
 * {@code next} links page by page.
 *
 * <p>Why a loader and not a {@link FeatureSource} itself: renderers query sources on every frame
 * and from any thread, and a network round trip there would stall the map. {@link #load} does the
 * I/O once, on the caller's (background) thread, and returns an immutable snapshot with a known
 * extent; reload for another area or for fresh data.
 *
 * <p>Fails loud with {@link MapDataException} naming the URL: HTTP status (with the server's
 * problem detail when it sends one), wrong content type, non-JSON body, timeouts, more pages than
 * {@code maxPages} (never a silently cut layer), a feature id sent twice. Positions are CRS84
 * (lon/lat WGS84), the Part 1 default. Immutable; thread-safe (the JDK {@link HttpClient} is).
 */
public final class OgcApiFeaturesSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GEOJSON = "application/geo+json";

  /** One collection of {@code /collections}; {@code extent} is lon/lat, or empty when unstated. */
  public record Collection(String id, String title, Envelope extent) {}

  private final URI landing;
  private final HttpClient http;
  private final Duration timeout;
  private final Supplier<String> authorization;
  private final int pageLimit;
  private final int maxPages;

  private OgcApiFeaturesSource(Builder b) {
    this.landing = b.landing.toString().endsWith("/") ? b.landing : URI.create(b.landing + "/");
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    this.timeout = b.timeout;
    this.authorization = b.authorization;
    this.pageLimit = b.pageLimit;
    this.maxPages = b.maxPages;
  }

  /** A client of the API whose landing page is {@code landing}, e.g. {@code http://host/ogc}. */
  public static Builder builder(URI landing) {
    return new Builder(landing);
  }

  /** The server's collections, from {@code GET /collections}. */
  public List<Collection> collections() {
    JsonNode root = get(landing.resolve("collections"), "application/json");
    List<Collection> collections = new ArrayList<>();
    for (JsonNode c : root.path("collections")) {
      Envelope extent = new Envelope();
      JsonNode bbox = c.path("extent").path("spatial").path("bbox").path(0);
      if (bbox.size() >= 4) {
        extent =
            new Envelope(
                bbox.get(0).asDouble(),
                bbox.get(2).asDouble(),
                bbox.get(1).asDouble(),
                bbox.get(3).asDouble());
      }
      collections.add(new Collection(c.path("id").asText(), c.path("title").asText(null), extent));
    }
    return collections;
  }

  /**
   * All features of {@code collectionId} meeting {@code lonLatBox} (null for all), as a source
   * named after the collection, in EPSG:3857.
   */
  public MemoryFeatureSource load(String collectionId, Envelope lonLatBox) {
    StringBuilder query = new StringBuilder("?limit=").append(pageLimit);
    if (lonLatBox != null) {
      query
          .append("&bbox=")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%s",
                  lonLatBox.getMinX(),
                  lonLatBox.getMinY(),
                  lonLatBox.getMaxX(),
                  lonLatBox.getMaxY()));
    }
    URI page =
        landing.resolve(
            "collections/"
                + URLEncoder.encode(collectionId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/items"
                + query);
    List<Feature> features = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<URI> visited = new HashSet<>();
    for (int pages = 0; page != null; pages++) {
      if (pages == maxPages) {
        throw new MapDataException(
            "collection '"
                + collectionId
                + "' has more than "
                + maxPages
                + " pages of "
                + pageLimit
                + " at "
                + landing
                + "; narrow the bbox or raise maxPages");
      }
      if (!visited.add(page)) {
        throw new MapDataException(
            "collection '" + collectionId + "': the server's next link loops back to " + page);
      }
      JsonNode root = get(page, GEOJSON);
      if (!"FeatureCollection".equals(root.path("type").asText())) {
        throw new MapDataException(
            "collection '" + collectionId + "': " + page + " is not a GeoJSON FeatureCollection");
      }
      for (Feature f : GeoJsonDataStore.features(root, collectionId, Crs.WGS84, features.size())) {
        if (!ids.add(f.id())) {
          throw new MapDataException(
              "collection '"
                  + collectionId
                  + "': feature "
                  + f.id()
                  + " came twice (on "
                  + page
                  + "); the pages overlap, perhaps the data changed while paging");
        }
        features.add(f);
      }
      page = next(page, root);
    }
    return new MemoryFeatureSource(collectionId, features);
  }

  /** The {@code rel=next} link, resolved against the page it came from, or null. */
  private static URI next(URI page, JsonNode root) {
    for (JsonNode link : root.path("links")) {
      if ("next".equals(link.path("rel").asText()) && link.hasNonNull("href")) {
        String type = link.path("type").asText(GEOJSON);
        if (type.startsWith(GEOJSON) || type.startsWith("application/json")) {
          return page.resolve(link.get("href").asText());
        }
      }
    }
    return null;
  }

  private JsonNode get(URI uri, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", accept + ", application/json;q=0.9")
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization.get());
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new MapDataException(
          "GET " + uri + " timed out after " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new MapDataException("GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller is shutting down: let it see why
      throw new MapDataException("GET " + uri + " was interrupted", e);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new MapDataException(
          "GET "
              + uri
              + " answered HTTP "
              + response.statusCode()
              + problemDetail(contentType, response.body()));
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.startsWith(GEOJSON) && !type.startsWith("application/json")) {
      throw new MapDataException(
          "GET "
              + uri
              + " answered with content type '"
              + contentType
              + "', expected "
              + accept
              + " (is this an OGC API – Features endpoint?)");
    }
    try {
      JsonNode root = JSON.readTree(response.body());
      if (root == null || root.isMissingNode()) { // Jackson's answer to an empty body
        throw new MapDataException("GET " + uri + " answered an empty body");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new MapDataException(
          "GET " + uri + " answered invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** ": title — detail" of an RFC 9457 problem or OGC exception body, if the server sent one. */
  private static String problemDetail(String contentType, String body) {
    if (!contentType.contains("json")) {
      return "";
    }
    try {
      JsonNode problem = JSON.readTree(body);
      String title = problem.path("title").asText("");
      String detail = problem.path("detail").asText(problem.path("description").asText(""));
      return title.isEmpty() && detail.isEmpty()
          ? ""
          : ": " + title + (detail.isEmpty() ? "" : " — " + detail);
    } catch (JsonProcessingException e) {
      return ""; // the status already says what failed; an unreadable error body adds nothing
    }
  }

  /** Settings; defaults: 10 s timeout, 100 features per page, at most 1,000 pages. */
  public static final class Builder {
    private final URI landing;
    private HttpClient http;
    private Duration timeout = Duration.ofSeconds(10);
    private Supplier<String> authorization;
    private int pageLimit = 100;
    private int maxPages = 1000;

    private Builder(URI landing) {
      this.landing = Objects.requireNonNull(landing, "landing");
    }

    /** Connect and per-request timeout. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(String token) {
      Objects.requireNonNull(token, "token");
      return authorization(() -> "Bearer " + token);
    }

    /** The {@code Authorization} header value, asked for each request (tokens expire). */
    public Builder authorization(Supplier<String> value) {
      this.authorization = value;
      return this;
    }

    /** The {@code limit} asked for per page (the server may send fewer). */
    public Builder pageLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("page limit must be positive, got " + limit);
      }
      this.pageLimit = limit;
      return this;
    }

    /** More pages than this is an error, so a runaway server cannot fill the memory. */
    public Builder maxPages(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("max pages must be positive, got " + pages);
      }
      this.maxPages = pages;
      return this;
    }

    /** A shared client (proxy, TLS settings); its own connect timeout then applies. */
    public Builder httpClient(HttpClient client) {
      this.http = client;
      return this;
    }

    public OgcApiFeaturesSource build() {
      return new OgcApiFeaturesSource(this);
    }
  }
}
