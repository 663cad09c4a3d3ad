package com.cityops.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Json;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.fx.PulseStats;
import com.cityops.app.outbox.ActionOutbox;
import com.cityops.app.security.AuditShipper;
import com.cityops.app.state.CityState;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status endpoint of a client following the real backend. */
class StatusServerIT {

  @Test
  void reportsFeedStateCountsAndRatesAsJsonAndPrometheusText(@TempDir Path dataDir)
      throws Exception {
    try (SimServer sim =
            SimServer.start(
                SimConfig.builder()
                    .port(0)
                    .speed(10)
                    .rate(200)
                    .start(Instant.parse("2026-11-22T02:00:00Z"))
                    .build());
        BackendClient backend = new BackendClient(sim.baseUrl());
        ActionOutbox outbox = new ActionOutbox(dataDir, backend, Clock.systemUTC())) {
      CityState state = new CityState();
      PulseStats pulses = new PulseStats();
      pulses.record(4_000_000);
      try (LiveFeed feed =
              new LiveFeed(
                  backend,
                  state,
                  "operator",
                  "operator",
                  Clock.systemUTC(),
                  Duration.ofSeconds(5),
                  new Random(3));
          StatusServer status =
              StatusServer.start(
                  InetAddress.getLoopbackAddress(),
                  0,
                  new StatusReporter(
                      state,
                      outbox::pendingCount,
                      () -> new AuditShipper.Progress(0, 0, null),
                      pulses,
                      Clock.systemUTC()))) {
        feed.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> state.feedStatus().state() == FeedState.LIVE);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + status.port();
        get(http, base + "/status");
        await()
            .pollDelay(Duration.ofMillis(1_100))
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    Json.readTree(get(http, base + "/status").body())
                            .get("eventsPerSecond")
                            .asDouble()
                        > 50);
        JsonNode json = Json.readTree(get(http, base + "/status").body());
        assertThat(json.get("feedState").asText()).isEqualTo("LIVE");
        assertThat(json.get("incidents").asInt()).isPositive();
        assertThat(json.get("devices").asInt()).isGreaterThan(4_000);
        assertThat(json.get("dataAgeSeconds").asDouble()).isBetween(0.0, 5.0);
        assertThat(json.get("fxPulseMaxMs").asDouble()).isEqualTo(4.0);
        HttpResponse<String> metrics = get(http, base + "/metrics");
        assertThat(metrics.headers().firstValue("Content-Type"))
            .get()
            .asString()
            .startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
            .contains(
                "cityops_feed_live 1",
                "# TYPE cityops_events_applied_total counter",
                "cityops_outbox_pending 0");
        var post =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/status"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
