package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.cityops.sim.world.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

/**
 * The rainstorm scenario end to end, at 300× speed: rain → standing water at sensors → IoT
 * waterlogging cases dispatched within 5 minutes to 城管/交通/应急 with the community notified → a level
 * Ⅱ case at Putuo's lowest spot that switches the centre to emergency mode.
 */
class RainstormIT {
  static final Instant START = Instant.parse("2026-11-22T06:00:00Z");

  @Test
  void floodsTheLowSpotsAndEscalatesToEmergency() {
    SimConfig config =
        SimConfig.builder().port(0).speed(300).scenario(Scenario.RAINSTORM).start(START).build();
    try (SimServer server = SimServer.start(config);
        var client = new SimTestClient(server.baseUrl()).login("supervisor")) {
      List<JsonNode> alerts = new CopyOnWriteArrayList<>();
      OkHttpClient ws = new OkHttpClient();
      WebSocket socket =
          ws.newWebSocket(
              new Request.Builder()
                  .url(
                      server.baseUrl().replaceFirst("^http", "ws")
                          + ApiPaths.STREAM
                          + "?since="
                          + server.world().headSeq())
                  .header("Authorization", "Bearer " + client.token())
                  .build(),
              new WebSocketListener() {
                @Override
                public void onMessage(WebSocket webSocket, String text) {
                  if (text.contains("\"alert.raised\"") && text.contains("emergency")) {
                    alerts.add(Json.readTree(text));
                  }
                }
              });
      JsonNode underpass;
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> majorFloodInPutuo(client) != null);
        underpass = majorFloodInPutuo(client);
        String id = underpass.get("id").asText();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    alerts.stream().anyMatch(a -> a.at("/payload/incidentId").asText().equals(id)));
      } finally {
        socket.close(1000, null);
        ws.dispatcher().executorService().shutdown();
      }
      assertThat(alerts)
          .anySatisfy(
              a -> {
                assertThat(a.at("/payload/kind").asText()).isEqualTo("major_incident");
                assertThat(a.at("/payload/suggestedMode").asText()).isEqualTo("emergency");
                assertThat(a.at("/payload/incidentId").asText())
                    .isEqualTo(underpass.get("id").asText());
              });
      assertThat(underpass.get("responsibleLevel").asText()).isEqualTo("city");
      assertThat(client.get(ApiPaths.HEALTH).json().get("mode").asText()).isEqualTo("emergency");

      List<JsonNode> stormCases = new ArrayList<>();
      for (JsonNode i : client.get(ApiPaths.SNAPSHOT).json().get("incidents")) {
        boolean duringStorm = Instant.parse(i.get("reportedAt").asText()).isAfter(START);
        if (duringStorm
            && i.get("category").asText().equals("道路积水")
            && i.get("source").asText().equals("iot_sensor")) {
          stormCases.add(i);
        }
      }
      assertThat(stormCases).hasSizeGreaterThan(3);
      for (JsonNode incident : stormCases) {
        Instant reported = Instant.parse(incident.get("reportedAt").asText());
        for (JsonNode step : incident.get("timeline")) {
          if (step.get("status").asText().equals("dispatched")) {
            assertThat(Duration.between(reported, Instant.parse(step.get("at").asText())))
                .as(incident.get("code").asText())
                .isLessThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(step.get("note").asText()).contains("城管", "交通", "应急").contains("已通知周边社区");
          }
        }
      }
      long alarmedSensors = 0;
      for (JsonNode d : client.get(ApiPaths.DEVICES + "?type=water_level").json().get("items")) {
        alarmedSensors += d.get("alarm").asBoolean() ? 1 : 0;
      }
      assertThat(alarmedSensors).isPositive();
    }
  }

  /** The level Ⅱ waterlogging case the storm raises in Putuo, or null while there is none. */
  static JsonNode majorFloodInPutuo(SimTestClient client) {
    for (JsonNode i : client.get(ApiPaths.INCIDENTS + "?level=2").json().get("items")) {
      if (i.get("category").asText().equals("道路积水")
          && i.at("/location/districtCode").asText().equals("310107")
          && i.get("source").asText().equals("iot_sensor")) {
        return i;
      }
    }
    return null;
  }
}
