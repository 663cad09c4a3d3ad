package com.cityops.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Json;
import com.cityops.api.LoginResponse;
import com.cityops.api.OperatingMode;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.app.Fixtures;
import com.cityops.app.state.CityState;
import com.cityops.app.state.InputProblems;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A backend that sends garbage, an unknown (newer) message type, an impossible location, a 3 MB
 * message, a case reported in 1970 and a duplicate between good events: the feed logs and counts
 * the bad input, steps over each bad message in its place without a resume loop, and keeps every
 * good event.
 */
class MisbehavingServerIT {
  static String upsert(
      long seq, String id, long version, IncidentStatus status, IncidentLevel level) {
    return Json.write(
        new com.cityops.api.StreamEnvelope(
            seq,
            Fixtures.T0,
            com.cityops.api.StreamEventType.INCIDENT_UPSERT,
            Fixtures.incident(id, version, status, level)));
  }

  static final String GOOD_1 = upsert(1, "a", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV);
  static final String GOOD_3 = upsert(3, "b", 1, IncidentStatus.DISCOVERED, IncidentLevel.III);

  static final String GOOD_7 = upsert(7, "a", 2, IncidentStatus.DISPATCHED, IncidentLevel.IV);

  /** A case whose description alone is 3 MB. */
  static String huge(long seq) {
    Incident base =
        Fixtures.incident(
            "c", 1, com.cityops.api.IncidentStatus.DISCOVERED, com.cityops.api.IncidentLevel.IV);
    String text = "积水".repeat(1_500_000);
    return Json.write(
            new com.cityops.api.StreamEnvelope(
                seq, Fixtures.T0, com.cityops.api.StreamEventType.INCIDENT_UPSERT, base))
        .replace("\"description\":\"\"", "\"description\":\"" + text + "\"");
  }

  /** Case "a" again, newer version, but reported in 1970: impossible, so refused. */
  static String ancient(long seq) {
    return GOOD_7
        .replace("\"seq\":7", "\"seq\":" + seq)
        .replace("\"version\":2", "\"version\":9")
        .replace(
            "\"reportedAt\":\"2026-11-22T02:00:00Z\"", "\"reportedAt\":\"1970-01-01T00:00:00Z\"");
  }

  @Test
  void countsBadInputStepsOverUnknownTypesAndKeepsTheGoodEvents() {
    Javalin server =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.post(
                      ApiPaths.LOGIN,
                      ctx ->
                          ctx.contentType("application/json")
                              .result(
                                  Json.write(
                                      new LoginResponse(
                                          "t",
                                          "operator",
                                          "值班员",
                                          Role.OPERATOR,
                                          Instant.now().plusSeconds(3600)))));
                  config.routes.get(
                      ApiPaths.SNAPSHOT,
                      ctx ->
                          ctx.contentType("application/json")
                              .result(
                                  Json.write(
                                      new Snapshot(
                                          0,
                                          Fixtures.T0,
                                          OperatingMode.NORMAL,
                                          List.of(),
                                          List.of(),
                                          List.of(),
                                          List.of()))));
                  config.routes.ws(
                      ApiPaths.STREAM,
                      ws ->
                          ws.onConnect(
                              ctx -> {
                                ctx.send(GOOD_1);
                                ctx.send(
                                    "{\"seq\": 2, \"type\": \"incident.upsert\", \"payload\": {\"id\": "); // truncated
                                ctx.send("");
                                ctx.send(
                                    "{\"seq\":2,\"ts\":\"2026-11-22T02:00:00Z\",\"type\":\"weather.radar\",\"payload\":{}}");
                                ctx.send(GOOD_3);
                                ctx.send(
                                    GOOD_3
                                        .replace("121.4", "221.4")
                                        .replace("\"seq\":3", "\"seq\":4"));
                                ctx.send(huge(5));
                                ctx.send(ancient(6));
                                ctx.send(GOOD_3); // a duplicate after the others
                                ctx.send(GOOD_7);
                              }));
                })
            .start("127.0.0.1", 0);
    CityState state = new CityState();
    try (LiveFeed feed =
        new LiveFeed(
            new BackendClient("http://127.0.0.1:" + server.port()),
            state,
            "operator",
            "operator",
            Clock.systemUTC(),
            Duration.ofSeconds(30),
            new Random(1))) {
      feed.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> state.seq() == 7);
      assertThat(state.incidents())
          .extracting(i -> i.id() + ":" + i.version())
          .containsExactlyInAnyOrder("a:2", "b:1");
      assertThat(state.inputProblems()).isEqualTo(new InputProblems(2, 1, 3));
      assertThat(state.feedStatus().state()).isEqualTo(FeedState.LIVE);
    } finally {
      server.stop();
    }
  }
}
