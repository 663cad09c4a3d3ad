package com.cityops.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
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

/** A session recorded from the real backend replays, without it, into the same state. */
class RecordReplayIT {

  @Test
  void replayingARecordingRebuildsTheRecordedState(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("session.jsonl");
    CityState live = new CityState();
    try (SimServer sim =
            SimServer.start(
                SimConfig.builder()
                    .port(0)
                    .speed(20)
                    .rate(500)
                    .start(Instant.parse("2026-11-22T02:00:00Z"))
                    .build());
        FeedRecorder recorder = new FeedRecorder(file, Clock.systemUTC());
        LiveFeed feed =
            new LiveFeed(
                new BackendClient(sim.baseUrl()),
                live,
                "operator",
                "operator",
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                new Random(2))) {
      feed.recordTo(recorder);
      feed.start();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> live.feedStatus().state() == FeedState.LIVE);
      long target = live.seq() + 1_000;
      await().atMost(Duration.ofSeconds(20)).until(() -> live.seq() >= target);
      feed.close(); // stop applying before the recorder closes, so both end at the same seq
    }

    CityState replayed = new CityState();
    try (ReplayFeed replay = new ReplayFeed(file, replayed, 1_000)) {
      replay.start();
      replay.join(Duration.ofSeconds(30));
    }
    assertThat(replayed.seq()).isEqualTo(live.seq());
    assertThat(versions(replayed)).isEqualTo(versions(live));
    assertThat(replayed.feedStatus().state()).isEqualTo(FeedState.REPLAY);
  }

  private static Map<String, Long> versions(CityState state) {
    return state.incidents().stream().collect(Collectors.toMap(Incident::id, Incident::version));
  }
}
