package com.cityops.sim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.cityops.api.StreamEventType;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the running reference backend sends validates against docs/api/openapi.yaml and
 * asyncapi.yaml.
 */
class ContractIT {
  static final ContractSchemas CONTRACT = new ContractSchemas();
  static final MediaType JSON = MediaType.get("application/json");
  static SimServer server;
  static OkHttpClient http;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    // Busy on purpose: fast clock, frequent false alarms, so every stream type shows up within
    // seconds.
    server =
        SimServer.start(
            SimConfig.builder()
                .port(0)
                .speed(30)
                .falseAlarmPerDay(20)
                .heartbeat(Duration.ofMillis(300))
                .canary(Duration.ofMillis(500))
                .start(Instant.parse("2026-11-22T02:00:00Z"))
                .build());
    http = new OkHttpClient();
    JsonNode login =
        call(
            "POST",
            ApiPaths.LOGIN,
            "{\"username\":\"supervisor\",\"password\":\"supervisor\"}",
            null,
            200,
            "LoginResponse");
    token = login.get("token").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
    http.dispatcher().executorService().shutdown();
  }

  static JsonNode call(
      String method, String path, String body, String key, int status, String schema)
      throws Exception {
    Request.Builder request = new Request.Builder().url(server.baseUrl() + path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      request.header(ApiPaths.IDEMPOTENCY_KEY_HEADER, key);
    }
    request.method(method, body == null ? null : RequestBody.create(body, JSON));
    try (Response response = http.newCall(request.build()).execute()) {
      assertThat(response.code()).as("%s %s", method, path).isEqualTo(status);
      JsonNode json = Json.readTree(response.body().string());
      assertThat(CONTRACT.validate(schema, json))
          .as("%s %s against %s", method, path, schema)
          .isEmpty();
      return json;
    }
  }

  static void assertItems(JsonNode list, String itemSchema) {
    assertThat(CONTRACT.validate("ItemList", list)).isEmpty();
    for (JsonNode item : list.get("items")) {
      assertThat(CONTRACT.validate(itemSchema, item)).isEmpty();
    }
  }

  @Test
  void restAnswersMatchTheDocument() throws Exception {
    call("GET", ApiPaths.HEALTH, null, null, 200, "ServerStatus");
    JsonNode snapshot = call("GET", ApiPaths.SNAPSHOT, null, null, 200, "Snapshot");
    assertItems(
        call("GET", ApiPaths.INCIDENTS + "?level=4", null, null, 200, "ItemList"), "Incident");
    String id = snapshot.get("incidents").get(0).get("id").asText();
    call("GET", ApiPaths.incident(id), null, null, 200, "Incident");
    assertItems(call("GET", ApiPaths.INDICATORS, null, null, 200, "ItemList"), "Indicator");
    String indicator = snapshot.get("indicators").get(0).get("id").asText();
    call(
        "GET",
        ApiPaths.INDICATORS + "/" + indicator + "/history",
        null,
        null,
        200,
        "IndicatorHistory");
    assertItems(
        call("GET", ApiPaths.DEVICES + "?type=camera", null, null, 200, "ItemList"), "Device");
    assertItems(call("GET", ApiPaths.LAYERS, null, null, 200, "ItemList"), "LayerInfo");
    call(
        "GET",
        ApiPaths.LAYERS + "/streets/features?bbox=121.3,31.2,121.5,31.3",
        null,
        null,
        200,
        "GeoJsonFeatureCollection");
    String open =
        call("GET", ApiPaths.INCIDENTS + "?status=handling", null, null, 200, "ItemList")
            .get("items")
            .get(0)
            .get("id")
            .asText();
    call(
        "POST",
        ApiPaths.incidentActions(open),
        "{\"type\":\"escalate\",\"note\":\"契约测试\"}",
        UUID.randomUUID().toString(),
        200,
        "ActionResult");
  }

  static final String WALL_SCENE =
      "{\"wall\":\"contract-wall\",\"mode\":\"emergency\",\"focusIncidentId\":null,"
          + "\"frozen\":false,\"maps\":[{\"panel\":\"normal/0\",\"lon\":121.47,\"lat\":31.23,"
          + "\"zoom\":11.5}],\"pages\":[{\"panel\":\"ticker\",\"page\":2}],"
          + "\"changedAt\":\"2026-11-22T02:00:00Z\"}";

  @Test
  void aWallSceneIsJournaledAndInTheSnapshot() throws Exception {
    JsonNode journaled =
        call("PUT", ApiPaths.wallScene("contract-wall"), WALL_SCENE, null, 200, "StreamEnvelope");
    assertThat(journaled.get("type").asText()).isEqualTo("wall.scene");
    JsonNode snapshot = call("GET", ApiPaths.SNAPSHOT, null, null, 200, "Snapshot");
    assertThat(snapshot.get("walls").toString()).contains("contract-wall").contains("121.47");
    call(
        "PUT",
        ApiPaths.wallScene("other-wall"),
        WALL_SCENE,
        null,
        400,
        "Problem"); // the body names another wall
    call(
        "PUT",
        ApiPaths.wallScene("contract-wall"),
        WALL_SCENE.replace("121.47", "999"),
        null,
        400,
        "Problem");
  }

  @Test
  void problemsMatchTheDocument() throws Exception {
    call("GET", ApiPaths.incident("inc-none"), null, null, 404, "Problem");
    call("GET", ApiPaths.INCIDENTS + "?bbox=x", null, null, 400, "Problem");
    call("POST", ApiPaths.incidentActions("inc-none"), "{\"type\":\"ack\"}", null, 400, "Problem");
    call(
        "POST",
        ApiPaths.incidentActions("inc-none"),
        "{oops",
        "k-" + UUID.randomUUID(),
        400,
        "Problem");
  }

  @Test
  void everyStreamMessageTypeMatchesTheDocument() throws Exception {
    List<JsonNode> messages = new CopyOnWriteArrayList<>();
    WebSocket socket =
        http.newWebSocket(
            new Request.Builder()
                .url(
                    server.baseUrl().replaceFirst("^http", "ws")
                        + ApiPaths.STREAM
                        + "?access_token="
                        + token)
                .build(),
            new WebSocketListener() {
              @Override
              public void onMessage(WebSocket webSocket, String text) {
                messages.add(Json.readTree(text));
              }
            });
    try {
      // a wall controller's scene: the one message type only a client causes (once streaming)
      await().atMost(Duration.ofSeconds(10)).until(() -> !messages.isEmpty());
      call("PUT", ApiPaths.wallScene("contract-wall"), WALL_SCENE, null, 200, "StreamEnvelope");
      Set<StreamEventType> seen = EnumSet.noneOf(StreamEventType.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                messages.forEach(m -> seen.add(StreamEventType.ofWireName(m.get("type").asText())));
                return seen.containsAll(EnumSet.allOf(StreamEventType.class));
              });
      for (JsonNode message : messages) {
        assertThat(CONTRACT.validateStreamMessage(message)).as(message.toString()).isEmpty();
      }
    } finally {
      socket.close(1000, "done");
    }
  }

  @Test
  void brokenDocumentsAreCaught() {
    JsonNode bad =
        Json.readTree(
            "{\"id\":\"x\",\"type\":\"toaster\",\"name\":\"n\",\"location\":{\"lon\":500,\"lat\":0},"
                + "\"status\":\"online\",\"alarm\":false,\"falseAlarmRate\":0}");
    assertThat(CONTRACT.validate("Device", bad))
        .anySatisfy(e -> assertThat(e).contains("type"))
        .anySatisfy(e -> assertThat(e).contains("lon"));
    assertThat(
            CONTRACT.validateStreamMessage(
                Json.readTree(
                    "{\"seq\":1,\"ts\":\"2026-11-22T00:00:00Z\",\"type\":\"nope\",\"payload\":{}}")))
        .isNotEmpty();
  }
}
