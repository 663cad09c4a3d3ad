package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.ApiPaths;
import com.cityops.api.Problem;
import com.cityops.map.data.Feature;
import com.cityops.map.data.MapDataException;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.data.OgcApiFeaturesSource;
import com.cityops.map.geo.WebMercator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The map engine's OGC API – Features client against the real reference backend's {@code /ogc}:
 * paging delivers every feature exactly once, bbox filters, auth and errors as documented.
 */
class OgcApiFeaturesSourceIT {
  static SimServer server;
  static SimTestClient operator;
  static SimTestClient anonymous;
  static URI ogc;

  @BeforeAll
  static void start() {
    server =
        SimServer.start(
            SimConfig.builder().port(0).start(Instant.parse("2026-11-22T02:00:00Z")).build());
    operator = new SimTestClient(server.baseUrl()).login("operator");
    anonymous = new SimTestClient(server.baseUrl());
    ogc = URI.create(server.baseUrl() + "/ogc");
  }

  @AfterAll
  static void stop() {
    operator.close();
    anonymous.close();
    server.close();
  }

  OgcApiFeaturesSource client(int pageLimit) {
    return OgcApiFeaturesSource.builder(ogc)
        .bearerToken(operator.token())
        .pageLimit(pageLimit)
        .build();
  }

  @Test
  void landingPageAndConformanceArePublicTheDataIsNot() {
    SimTestClient.Reply landing = anonymous.get("/ogc");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(landing.json().get("links").findValuesAsText("rel"))
        .contains("self", "conformance", "data");
    assertThat(anonymous.get("/ogc/conformance").json().get("conformsTo").toString())
        .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson");

    SimTestClient.Reply refused = anonymous.get("/ogc/collections/districts/items");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
    assertThatThrownBy(() -> OgcApiFeaturesSource.builder(ogc).build().load("districts", null))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void listsTheSameLayersAsTheRestApi() {
    List<OgcApiFeaturesSource.Collection> collections = client(10).collections();
    assertThat(collections)
        .extracting(OgcApiFeaturesSource.Collection::id)
        .containsExactly("districts", "streets", "grids");
    OgcApiFeaturesSource.Collection districts = collections.get(0);
    assertThat(districts.title()).isEqualTo("行政区");
    assertThat(districts.extent().getMinX()).isBetween(120.8, 121.0);
    assertThat(operator.get("/ogc/collections/districts").json().get("id").asText())
        .isEqualTo("districts");
  }

  @Test
  void pagingWithASmallLimitDeliversEveryDistrictExactlyOnce() {
    MemoryFeatureSource districts = client(3).load("districts", null); // 6 pages: 3+3+3+3+3+1
    assertThat(districts.all()).hasSize(16);
    assertThat(districts.all()).extracting(Feature::id).doesNotHaveDuplicates();
    assertThat(districts.all())
        .extracting(Feature::id)
        .containsExactlyElementsOf(restIds("districts", ""));
    assertThat(districts.all()).extracting(f -> f.text("name")).contains("浦东新区", "普陀区", "崇明区");
    assertThat(districts.bounds().getMinX()).isBetween(WebMercator.x(120.8), WebMercator.x(121.0));
  }

  @Test
  void pagingThroughTheLargerStreetLayerMatchesTheRestApi() {
    MemoryFeatureSource streets = client(37).load("streets", null);
    List<String> expected = restIds("streets", "");
    assertThat(expected.size()).isGreaterThan(37 * 2); // really several pages
    assertThat(streets.all()).extracting(Feature::id).containsExactlyElementsOf(expected);
  }

  @Test
  void bboxFiltersLikeTheRestApi() {
    String box = "121.45,31.20,121.50,31.25"; // around People's Square, 黄浦区
    MemoryFeatureSource central =
        client(2).load("districts", new Envelope(121.45, 121.50, 31.20, 31.25));
    assertThat(central.all()).extracting(f -> f.text("name")).contains("黄浦区").doesNotContain("崇明区");
    assertThat(central.all())
        .extracting(Feature::id)
        .containsExactlyInAnyOrderElementsOf(restIds("districts", "?bbox=" + box));
    Envelope mercator =
        new Envelope(
            WebMercator.x(121.45),
            WebMercator.x(121.50),
            WebMercator.y(31.20),
            WebMercator.y(31.25));
    assertThat(central.all())
        .allSatisfy(
            f -> assertThat(f.geometry().getEnvelopeInternal().intersects(mercator)).isTrue());
  }

  @Test
  void pagesCarryCountsLinksAndTheGeoJsonContentType() {
    SimTestClient.Reply first = operator.get("/ogc/collections/districts/items?limit=5");
    assertThat(first.contentType()).startsWith("application/geo+json");
    JsonNode page = first.json();
    assertThat(page.get("numberMatched").asInt()).isEqualTo(16);
    assertThat(page.get("numberReturned").asInt()).isEqualTo(5);
    assertThat(page.get("features")).hasSize(5);
    assertThat(page.get("links").findValuesAsText("rel"))
        .contains("self", "next")
        .doesNotContain("prev");

    JsonNode last = operator.get("/ogc/collections/districts/items?limit=5&offset=15").json();
    assertThat(last.get("numberReturned").asInt()).isEqualTo(1);
    assertThat(last.get("links").findValuesAsText("rel")).contains("prev").doesNotContain("next");

    String featureId = page.get("features").get(0).get("id").asText();
    SimTestClient.Reply one = operator.get("/ogc/collections/districts/items/" + featureId);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("id").asText()).isEqualTo(featureId);
  }

  @Test
  void badRequestsAreProblemDetails() {
    for (String path :
        List.of(
            "/ogc/collections/roads",
            "/ogc/collections/roads/items",
            "/ogc/collections/districts/items/nope",
            "/ogc/collections/districts/items?bbox=1,2,3",
            "/ogc/collections/districts/items?limit=0",
            "/ogc/collections/districts/items?offset=-1")) {
      SimTestClient.Reply reply = operator.get(path);
      assertThat(reply.status()).as(path).isIn(400, 404);
      assertThat(reply.contentType()).as(path).startsWith(Problem.MEDIA_TYPE);
      assertThat(reply.json().get("detail").asText()).as(path).isNotBlank();
    }
    assertThatThrownBy(() -> client(10).load("roads", null))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("no collection with id 'roads'");
  }

  static List<String> restIds(String layer, String query) {
    List<String> ids = new ArrayList<>();
    operator
        .get(ApiPaths.LAYERS + "/" + layer + "/features" + query)
        .json()
        .get("features")
        .forEach(f -> ids.add(f.get("id").asText()));
    return ids;
  }
}
