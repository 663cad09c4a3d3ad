package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.ApiPaths;
import com.cityops.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operator actions are applied once per key; every bad input gets problem+json and the server lives
 * on.
 */
class ActionsAndBadInputIT {
  static SimServer server;
  static SimTestClient supervisor;
  static SimTestClient operator;

  @BeforeAll
  static void start() {
    // A slow clock so departments do not move cases under the test's feet.
    server =
        SimServer.start(
            SimConfig.builder()
                .port(0)
                .speed(0.001)
                .start(Instant.parse("2026-11-22T02:00:00Z"))
                .build());
    supervisor = new SimTestClient(server.baseUrl()).login("supervisor");
    operator = new SimTestClient(server.baseUrl()).login("operator");
  }

  @AfterAll
  static void stop() {
    supervisor.close();
    operator.close();
    server.close();
  }

  private static JsonNode anyCase(String status) {
    JsonNode items = supervisor.get(ApiPaths.INCIDENTS + "?status=" + status).json().get("items");
    assertThat(items.size()).as("cases in status %s", status).isPositive();
    return items.get(0);
  }

  @Test
  void appliesAnActionOnceDespiteARetryWithTheSameKey() {
    JsonNode incident = anyCase("handling");
    String id = incident.get("id").asText();
    long version = incident.get("version").asLong();
    String key = UUID.randomUUID().toString();
    String body = "{\"type\":\"feedback\",\"note\":\"现场已处置\"}";

    var first = supervisor.post(ApiPaths.incidentActions(id), body, key);
    var retry = supervisor.post(ApiPaths.incidentActions(id), body, key);

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    JsonNode now = supervisor.get(ApiPaths.incident(id)).json();
    assertThat(now.get("version").asLong()).isEqualTo(version + 1);
    assertThat(now.get("status").asText()).isEqualTo("feedback");
    long feedbackSteps = 0;
    for (JsonNode step : now.get("timeline")) {
      if (step.get("status").asText().equals("feedback")) {
        feedbackSteps++;
      }
    }
    assertThat(feedbackSteps).isEqualTo(1);
  }

  @Test
  void runsACaseThroughTheWholeClosedLoop() {
    String id = anyCase("discovered").get("id").asText();
    post(operator, id, "{\"type\":\"ack\"}", 200);
    post(operator, id, "{\"type\":\"dispatch\",\"departments\":[\"城管\",\"交通\"]}", 200);
    post(operator, id, "{\"type\":\"feedback\",\"note\":\"已清理\"}", 200);
    // 核查 by the role that handled it is refused; a different role may check.
    assertProblem(
        operator.post(
            ApiPaths.incidentActions(id),
            "{\"type\":\"verify\",\"passed\":true}",
            UUID.randomUUID().toString()),
        409,
        "independent-verification-required");
    post(id, "{\"type\":\"verify\",\"passed\":true}", 200);
    JsonNode closed = post(id, "{\"type\":\"close\"}", 200).json().get("incident");
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(closed.get("timeline").findValuesAsText("status"))
        .containsSubsequence(
            "discovered",
            "registered",
            "dispatched",
            "handling",
            "feedback",
            "verifying",
            "closed");
  }

  @Test
  void rejectsAKeyReusedForADifferentRequest() {
    String id = anyCase("handling").get("id").asText();
    String key = UUID.randomUUID().toString();
    post(id, "{\"type\":\"escalate\"}", key, 200);
    var reply =
        supervisor.post(
            ApiPaths.incidentActions(id), "{\"type\":\"escalate\",\"note\":\"again\"}", key);
    assertProblem(reply, 422, "idempotency-key-reused");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(
            "unknown case id",
            "POST",
            ApiPaths.incidentActions("inc-nope"),
            "{\"type\":\"ack\"}",
            "k",
            404,
            "not-found"),
        Arguments.of(
            "unknown incident", "GET", ApiPaths.incident("inc-nope"), null, null, 404, "not-found"),
        Arguments.of(
            "unknown indicator",
            "GET",
            ApiPaths.INDICATORS + "/nope",
            null,
            null,
            404,
            "not-found"),
        Arguments.of(
            "unknown layer",
            "GET",
            ApiPaths.LAYERS + "/nope/features",
            null,
            null,
            404,
            "not-found"),
        Arguments.of(
            "unknown endpoint",
            "GET",
            ApiPaths.BASE + "/nothing-here",
            null,
            null,
            404,
            "not-found"),
        Arguments.of(
            "malformed JSON", "POST", "CASE", "{\"type\": ack", "k", 400, "malformed-json"),
        Arguments.of("empty body", "POST", "CASE", "", "k", 400, "malformed-json"),
        Arguments.of("wrong JSON shape", "POST", "CASE", "[1,2,3]", "k", 400, "malformed-json"),
        Arguments.of(
            "unknown action", "POST", "CASE", "{\"type\":\"explode\"}", "k", 400, "malformed-json"),
        Arguments.of(
            "bad bbox text",
            "GET",
            ApiPaths.INCIDENTS + "?bbox=a,b,c,d",
            null,
            null,
            400,
            "bad-bbox"),
        Arguments.of(
            "bbox min>max",
            "GET",
            ApiPaths.INCIDENTS + "?bbox=122,31,121,30",
            null,
            null,
            400,
            "bad-bbox"),
        Arguments.of(
            "bbox out of range",
            "GET",
            ApiPaths.DEVICES + "?bbox=-200,0,10,10",
            null,
            null,
            400,
            "bad-bbox"),
        Arguments.of(
            "bbox with 3 numbers",
            "GET",
            ApiPaths.LAYERS + "/grids/features?bbox=1,2,3",
            null,
            null,
            400,
            "bad-bbox"),
        Arguments.of(
            "unknown device type",
            "GET",
            ApiPaths.DEVICES + "?type=toaster",
            null,
            null,
            400,
            "invalid-request"),
        Arguments.of(
            "bad level",
            "GET",
            ApiPaths.INCIDENTS + "?level=9",
            null,
            null,
            400,
            "invalid-request"),
        Arguments.of(
            "bad history range",
            "GET",
            ApiPaths.INDICATORS + "/INDICATOR/history?from=yesterday",
            null,
            null,
            400,
            "invalid-request"),
        Arguments.of(
            "missing idempotency key",
            "POST",
            "CASE",
            "{\"type\":\"escalate\"}",
            null,
            400,
            "missing-idempotency-key"),
        Arguments.of(
            "illegal transition",
            "POST",
            "CASE",
            "{\"type\":\"close\"}",
            "k",
            409,
            "illegal-transition"),
        Arguments.of(
            "dispatch a case already in handling",
            "POST",
            "CASE",
            "{\"type\":\"dispatch\",\"departments\":[]}",
            "k",
            409,
            "illegal-transition"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void answersBadInputWithProblemJson(
      String what, String method, String path, String body, String key, int status, String type) {
    String resolved =
        path.replace("CASE", ApiPaths.incidentActions(anyCase("handling").get("id").asText()))
            .replace(
                "INDICATOR",
                supervisor.get(ApiPaths.INDICATORS).json().get("items").get(0).get("id").asText());
    String idempotencyKey = key == null ? null : UUID.randomUUID().toString();
    var reply =
        method.equals("GET")
            ? supervisor.get(resolved)
            : supervisor.post(resolved, body, idempotencyKey);
    assertProblem(reply, status, type);
    assertThat(supervisor.get(ApiPaths.HEALTH).status())
        .as("server still alive after %s", what)
        .isEqualTo(200);
  }

  @Test
  void refusesAnOversizeBody() {
    String id = anyCase("handling").get("id").asText();
    String huge = "{\"type\":\"feedback\",\"note\":\"" + "很".repeat(40_000) + "\"}";
    var reply =
        supervisor.post(
            ApiPaths.incidentActions(id),
            RequestBody.create(huge, SimTestClient.JSON),
            UUID.randomUUID().toString());
    assertProblem(reply, 413, "payload-too-large");
  }

  @Test
  void refusesANonJsonBody() {
    String id = anyCase("handling").get("id").asText();
    var reply =
        supervisor.post(
            ApiPaths.incidentActions(id),
            RequestBody.create(
                "type=ack", okhttp3.MediaType.get("application/x-www-form-urlencoded")),
            UUID.randomUUID().toString());
    assertProblem(reply, 415, "unsupported-media-type");
  }

  private static SimTestClient.Reply post(String id, String body, int status) {
    return post(id, body, UUID.randomUUID().toString(), status);
  }

  private static SimTestClient.Reply post(
      SimTestClient client, String id, String body, int status) {
    var reply = client.post(ApiPaths.incidentActions(id), body, UUID.randomUUID().toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    return reply;
  }

  private static SimTestClient.Reply post(String id, String body, String key, int status) {
    var reply = supervisor.post(ApiPaths.incidentActions(id), body, key);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    return reply;
  }

  static void assertProblem(SimTestClient.Reply reply, int status, String typeSuffix) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
    JsonNode problem = reply.json();
    assertThat(problem.get("type").asText()).endsWith("/" + typeSuffix);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }
}
