package com.cityops.map.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The client against the JDK's own HTTP server answering canned pages: paging, errors, limits. The
 * real reference backend is exercised by {@code OgcApiFeaturesSourceIT} in sim/.
 */
class OgcApiFeaturesSourceTest {
  HttpServer server;
  URI base;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ogc");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  void answer(String path, int status, String type, String body) {
    server.createContext(
        path,
        x -> {
          requests.add(x.getRequestURI().toString());
          authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
          send(x, status, type, body);
        });
  }

  static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  static String page(String next, String... ids) {
    StringBuilder features = new StringBuilder();
    for (String id : ids) {
      if (features.length() > 0) features.append(',');
      features.append(
          "{\"type\":\"Feature\",\"id\":\""
              + id
              + "\",\"properties\":{\"name\":\"区"
              + id
              + "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.47,31.23]}}");
    }
    String links =
        next == null
            ? "[]"
            : "[{\"rel\":\"next\",\"type\":\"application/geo+json\",\"href\":\"" + next + "\"}]";
    return "{\"type\":\"FeatureCollection\",\"features\":["
        + features
        + "],\"links\":"
        + links
        + "}";
  }

  @Test
  void followsNextLinksIncludingRelativeOnesAndSendsTheToken() {
    server.createContext(
        "/ogc/collections/districts/items",
        x -> {
          requests.add(x.getRequestURI().toString());
          authorizations.add(x.getRequestHeaders().getFirst("Authorization"));
          String q = x.getRequestURI().getQuery();
          String body =
              q.contains("offset=4")
                  ? page(null, "e")
                  : q.contains("offset=2")
                      ? page("items?limit=2&offset=4", "c", "d")
                      : page(base + "/collections/districts/items?limit=2&offset=2", "a", "b");
          send(x, 200, "application/geo+json;charset=utf-8", body);
        });
    MemoryFeatureSource source =
        OgcApiFeaturesSource.builder(base)
            .bearerToken("t0k")
            .pageLimit(2)
            .build()
            .load("districts", new Envelope(121, 122, 31, 32));
    assertThat(source.all()).extracting(Feature::id).containsExactly("a", "b", "c", "d", "e");
    assertThat(source.all().get(0).text("name")).isEqualTo("区a");
    assertThat(requests.get(0))
        .isEqualTo("/ogc/collections/districts/items?limit=2&bbox=121.0,31.0,122.0,32.0");
    assertThat(authorizations).containsOnly("Bearer t0k").hasSize(3);
  }

  @Test
  void listsCollectionsWithTheirExtent() {
    answer(
        "/ogc/collections",
        200,
        "application/json",
        "{\"collections\":[{\"id\":\"districts\",\"title\":\"行政区\",\"extent\":{\"spatial\":{\"bbox\":[[120.8,30.6,122.1,31.9]]}}}]}");
    List<OgcApiFeaturesSource.Collection> collections =
        OgcApiFeaturesSource.builder(base).build().collections();
    assertThat(collections).hasSize(1);
    assertThat(collections.get(0).title()).isEqualTo("行政区");
    assertThat(collections.get(0).extent().getMaxY()).isEqualTo(31.9);
  }

  @Test
  void reportsHttpErrorsWithTheServersProblemDetail() {
    answer(
        "/ogc/collections/nope/items",
        404,
        "application/problem+json",
        "{\"title\":\"Not found\",\"detail\":\"no collection with id 'nope'\",\"status\":404}");
    assertThatThrownBy(() -> OgcApiFeaturesSource.builder(base).build().load("nope", null))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("/ogc/collections/nope/items")
        .hasMessageContaining("HTTP 404: Not found — no collection with id 'nope'");
  }

  @Test
  void refusesHtmlNonJsonAndEmptyBodies() {
    answer("/ogc/collections/html/items", 200, "text/html", "<html>sign in</html>");
    answer("/ogc/collections/broken/items", 200, "application/geo+json", "{\"type\":");
    answer("/ogc/collections/empty/items", 200, "application/geo+json", "");
    OgcApiFeaturesSource client = OgcApiFeaturesSource.builder(base).build();
    assertThatThrownBy(() -> client.load("html", null))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("content type 'text/html'");
    assertThatThrownBy(() -> client.load("broken", null)).hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> client.load("empty", null)).hasMessageContaining("empty body");
  }

  @Test
  void stopsAtThePageCapAndOnLoopsAndDuplicates() {
    answer(
        "/ogc/collections/loop/items", 200, "application/geo+json", page("items?limit=100", "x"));
    OgcApiFeaturesSource client = OgcApiFeaturesSource.builder(base).build();
    assertThatThrownBy(() -> client.load("loop", null)).hasMessageContaining("loops back");
    server.createContext(
        "/ogc/collections/endless/items",
        x -> {
          String q = x.getRequestURI().getQuery();
          int n = q.contains("p=") ? Integer.parseInt(q.replaceAll(".*p=", "")) : 0;
          send(x, 200, "application/geo+json", page("items?p=" + (n + 1), "f" + n));
        });
    assertThatThrownBy(
            () -> OgcApiFeaturesSource.builder(base).maxPages(5).build().load("endless", null))
        .hasMessageContaining("more than 5 pages");
    answer("/ogc/collections/twice/items", 200, "application/geo+json", page(null, "a", "a"));
    assertThatThrownBy(() -> client.load("twice", null))
        .hasMessageContaining("feature a came twice");
  }

  @Test
  void timesOut() {
    server.createContext(
        "/ogc/collections/slow/items",
        x -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(x, 200, "application/geo+json", page(null));
        });
    assertThatThrownBy(
            () ->
                OgcApiFeaturesSource.builder(base)
                    .timeout(Duration.ofMillis(300))
                    .build()
                    .load("slow", null))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("timed out after 300 ms");
  }
}
