package com.cityops.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Device;
import com.cityops.api.Incident;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.app.state.CityState;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend is killed and restarted 20 times while it streams over 2,000 events/s; afterwards the
 * client holds exactly the backend's state: no missing or duplicate case, no version regression,
 * the same devices and indicator values.
 */
class LiveFeedRestartsIT {
  static final int RESTARTS = 20;

  @Test
  void endsWithExactlyTheBackendsStateAfterTwentyRestarts(@TempDir Path dataDir) {
    SimConfig busy =
        SimConfig.builder()
            .port(0)
            .dataDir(dataDir)
            .speed(10)
            .rate(2_000)
            .heartbeat(Duration.ofMillis(500))
            .start(Instant.parse("2026-11-22T02:00:00Z"))
            .build();
    SimServer server = SimServer.start(busy);
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
            new Random(7))) {
      feed.start();
      for (int i = 0; i < RESTARTS; i++) {
        SimServer running = server;
        long target = running.world().headSeq() + 1_500;
        await().atMost(Duration.ofSeconds(30)).until(() -> state.seq() >= target);
        running.close();
        server = SimServer.start(busy.toBuilder().port(port).build());
      }
      // Last start with a frozen clock and no load: the state to end with.
      server.close();
      server =
          SimServer.start(
              busy.toBuilder()
                  .port(port)
                  .speed(0.0001)
                  .rate(0)
                  .canary(Duration.ofHours(1))
                  .build());
      SimServer last = server;
      await().atMost(Duration.ofSeconds(60)).until(() -> state.seq() == last.world().headSeq());

      Snapshot truth = last.world().snapshot(Role.SUPERVISOR);
      Snapshot held = state.snapshot();
      assertThat(held.seq()).isEqualTo(truth.seq());
      assertThat(versions(held)).isEqualTo(versions(truth));
      assertThat(byId(held.devices(), Device::id)).isEqualTo(byId(truth.devices(), Device::id));
      assertThat(held.indicators()).hasSameSizeAs(truth.indicators());
      Map<String, Double> heldValues =
          held.indicators().stream().collect(Collectors.toMap(i -> i.id(), i -> i.value()));
      Map<String, Double> truthValues =
          truth.indicators().stream().collect(Collectors.toMap(i -> i.id(), i -> i.value()));
      assertThat(heldValues).isEqualTo(truthValues);
      assertThat(truth.seq())
          .as("events streamed through the restarts")
          .isGreaterThan(RESTARTS * 1_500L);
    } finally {
      server.close();
    }
  }

  private static Map<String, Long> versions(Snapshot snapshot) {
    return snapshot.incidents().stream().collect(Collectors.toMap(Incident::id, Incident::version));
  }

  private static <T> Map<String, T> byId(java.util.List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity()));
  }
}
