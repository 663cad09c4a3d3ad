package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference backend over real sockets: counts, auth, filters, masking. */
class SimServerIT {
  static final Instant START = Instant.parse("2026-11-22T02:00:00Z"); // 10:00 in Shanghai
  static SimServer server;
  static SimTestClient operator;

  @BeforeAll
  static void start() {
    server = SimServer.start(SimConfig.builder().port(0).start(START).build());
    operator = new SimTestClient(server.baseUrl()).login("operator");
  }

  @AfterAll
  static void stop() {
    operator.close();
    server.close();
  }

  @Test
  void servesARealCityAtRealisticCounts() {
    JsonNode districts = operator.get(ApiPaths.LAYERS + "/districts/features").json();
    assertThat(districts.get("features")).hasSize(16);
    List<String> names = new ArrayList<>();
    districts.get("features").forEach(f -> names.add(f.get("properties").get("name").asText()));
    assertThat(names).contains("普陀区", "浦东新区", "崇明区");

    assertThat(operator.get(ApiPaths.INDICATORS).json().get("count").asInt())
        .isGreaterThanOrEqualTo(200);
    assertThat(operator.get(ApiPaths.DEVICES + "?type=water_level").json().get("count").asInt())
        .isGreaterThanOrEqualTo(2000);
    assertThat(
            operator.get(ApiPaths.DEVICES + "?type=geological_hazard").json().get("count").asInt())
        .isGreaterThanOrEqualTo(500);
    assertThat(operator.get(ApiPaths.DEVICES + "?type=camera").json().get("count").asInt())
        .isGreaterThanOrEqualTo(300);
    for (String layer : List.of("districts", "streets", "grids")) {
      assertThat(operator.get(ApiPaths.LAYERS + "/" + layer + "/features").status()).isEqualTo(200);
    }
  }

  @Test
  void snapshotCarriesItsSeqAndAWarmedUpQueue() {
    JsonNode snapshot = operator.get(ApiPaths.SNAPSHOT).json();
    assertThat(snapshot.get("seq").asLong()).isPositive();
    assertThat(snapshot.get("incidents").size()).isGreaterThan(50);
    JsonNode first = snapshot.get("incidents").get(0);
    assertThat(first.get("code").asText()).matches("[A-Z]{2}-\\d{8}-\\d{4}");
    assertThat(first.get("timeline").size()).isPositive();
  }

  @Test
  void filtersIncidentsByStatusLevelAndBbox() {
    JsonNode open = operator.get(ApiPaths.INCIDENTS + "?status=handling").json();
    open.get("items").forEach(i -> assertThat(i.get("status").asText()).isEqualTo("handling"));
    JsonNode putuo = operator.get(ApiPaths.INCIDENTS + "?bbox=121.33,31.22,121.46,31.30").json();
    putuo
        .get("items")
        .forEach(
            i -> assertThat(i.get("location").get("lon").asDouble()).isBetween(121.33, 121.46));
    JsonNode level4 = operator.get(ApiPaths.INCIDENTS + "?level=4").json();
    level4.get("items").forEach(i -> assertThat(i.get("level").asInt()).isEqualTo(4));
  }

  @Test
  void masksPersonalDataForOperatorsButNotSupervisors() {
    try (var supervisor = new SimTestClient(server.baseUrl()).login("supervisor")) {
      JsonNode masked = firstWithReporter(operator.get(ApiPaths.SNAPSHOT).json());
      assertThat(masked.get("reporter").get("masked").asBoolean()).isTrue();
      assertThat(masked.get("reporter").get("phone").asText()).matches("\\d{3}\\*{4}\\d{4}");
      JsonNode plain = supervisor.get(ApiPaths.incident(masked.get("id").asText())).json();
      assertThat(plain.get("reporter").get("masked").asBoolean()).isFalse();
      assertThat(plain.get("reporter").get("phone").asText()).matches("1\\d{10}");
    }
  }

  private static JsonNode firstWithReporter(JsonNode snapshot) {
    for (JsonNode incident : snapshot.get("incidents")) {
      if (incident.has("reporter")) {
        return incident;
      }
    }
    throw new AssertionError("no case with a reporter in the snapshot");
  }

  @Test
  void refusesRequestsWithoutAValidToken() {
    try (var anonymous = new SimTestClient(server.baseUrl())) {
      var reply = anonymous.get(ApiPaths.SNAPSHOT);
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
      var wrong =
          anonymous.post(ApiPaths.LOGIN, "{\"username\":\"operator\",\"password\":\"nope\"}", null);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().get("type").asText()).endsWith("/bad-credentials");
      assertThat(anonymous.get(ApiPaths.HEALTH).status()).isEqualTo(200);
    }
  }

  @Test
  void viewerMayNotAct() {
    try (var viewer = new SimTestClient(server.baseUrl()).login("viewer")) {
      String id = operator.get(ApiPaths.INCIDENTS).json().get("items").get(0).get("id").asText();
      var reply =
          viewer.post(
              ApiPaths.incidentActions(id),
              "{\"type\":\"escalate\"}",
              UUID.randomUUID().toString());
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("detail").asText()).contains("viewer");
    }
  }

  @Test
  void streamsLiveEventsWithStrictlyIncreasingSeq() {
    var recorder = operator.stream(-1);
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> recorder.events().size() >= 20);
      Set<Long> seen = new HashSet<>();
      long previous = 0;
      for (JsonNode m : recorder.events()) {
        long seq = m.get("seq").asLong();
        assertThat(seq).isGreaterThan(previous);
        assertThat(seen.add(seq)).isTrue();
        previous = seq;
      }
    } finally {
      recorder.close();
    }
  }

  @Test
  void refusesResumeFromTheFuture(@TempDir Path unused) throws InterruptedException {
    var recorder = operator.stream(Long.MAX_VALUE / 2);
    assertThat(recorder.awaitClosed(10_000)).isTrue();
    assertThat(recorder.closeCode).isEqualTo(ApiPaths.CLOSE_RESUME_REFUSED);
    assertThat(recorder.closeReason).contains("snapshot");
  }
}
