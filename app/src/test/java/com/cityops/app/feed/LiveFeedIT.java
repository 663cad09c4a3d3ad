package com.cityops.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.api.Role;
import com.cityops.app.state.CityState;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's feed against the real reference backend over real sockets. */
class LiveFeedIT {

  @Test
  void followsTheBackendAndRecoversAfterItRestarts(@TempDir Path dataDir) {
    SimConfig config =
        SimConfig.builder()
            .port(0)
            .dataDir(dataDir)
            .speed(30)
            .rate(200)
            .heartbeat(Duration.ofMillis(500))
            .canary(Duration.ofMillis(400))
            .start(Instant.parse("2026-11-22T02:00:00Z"))
            .build();
    SimServer server = SimServer.start(config);
    int port = server.port();
    CityState state = new CityState();
    try (LiveFeed feed =
        new LiveFeed(
            new BackendClient(server.baseUrl()),
            state,
            "supervisor",
            "supervisor",
            Clock.systemUTC(),
            Duration.ofSeconds(3),
            new Random(1))) {
      feed.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> state.feedStatus().state() == FeedState.LIVE && state.seq() > 0);

      await().atMost(Duration.ofSeconds(10)).until(() -> state.summary().canarySeenAt() != null);
      assertThat(state.summary().canaryAlarm()).isNull();

      server.close();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> state.feedStatus().state() == FeedState.OFFLINE);
      // The end-to-end test signal stops with the backend: the local alarm must rise.
      await().atMost(Duration.ofSeconds(5)).until(() -> state.summary().canaryAlarm() != null);
      assertThat(state.summary().canaryAlarm()).contains("no end-to-end test signal");

      // Back on the same port with a frozen city clock; only canaries still move its head.
      server = SimServer.start(config.toBuilder().port(port).speed(0.0001).rate(0).build());
      SimServer restarted = server;
      await()
          .atMost(Duration.ofSeconds(40))
          .until(
              () ->
                  state.feedStatus().state() == FeedState.LIVE
                      && state.seq() == restarted.world().headSeq());
      await().atMost(Duration.ofSeconds(5)).until(() -> state.summary().canaryAlarm() == null);
      Map<String, Long> expected =
          versions(restarted.world().snapshot(Role.SUPERVISOR).incidents());
      assertThat(versions(state.incidents())).isEqualTo(expected);
    } finally {
      server.close();
    }
  }

  private static Map<String, Long> versions(java.util.List<Incident> incidents) {
    return incidents.stream().collect(Collectors.toMap(Incident::id, Incident::version));
  }
}
