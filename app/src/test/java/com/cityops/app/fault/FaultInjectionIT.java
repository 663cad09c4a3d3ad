package com.cityops.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.api.StatusTransition;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.feed.TransportSettings;
import com.cityops.app.outbox.ActionOutbox;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.replay.FeedRecorder;
import com.cityops.app.state.CityState;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real backend through {@link FaultProxy}, while the backend streams about
 * 500 events/s: connection reset, silent half-open connection, truncated frame, latency with
 * jitter, a bandwidth limit, and the backend killed and restarted — with operator actions queued
 * during the faults. Afterwards: every event applied exactly once and in order (none lost, none
 * twice), the state equal to the backend's, every action applied exactly once; for each cut, the
 * feed showed the fault within 5 s and was live again within 2 s of the network or the backend
 * returning. The server's clock runs three hours ahead of this machine's (skew).
 *
 * <p>The figures are printed as one {@code FAULTS} line per fault and a summary
 * (docs/reliability.md).
 */
class FaultInjectionIT {
  static final Duration SHOWN_WITHIN = Duration.ofSeconds(5);
  static final Duration RECOVERED_WITHIN = Duration.ofSeconds(2);

  record Outcome(String fault, long shownMs, long recoveredMs, FeedState shownAs) {}

  @Test
  void losesNothingAndRecoversFastUnderEveryFault(@TempDir Path dir) throws Exception {
    Instant skewedStart =
        Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    SimConfig config =
        SimConfig.builder()
            .port(0)
            .dataDir(dir.resolve("sim"))
            .speed(2)
            .rate(500)
            .heartbeat(Duration.ofMillis(500))
            .start(skewedStart)
            .build();
    SimServer server = SimServer.start(config);
    int backendPort = server.port();
    CityState state = new CityState();
    Path recording = dir.resolve("applied.jsonl");
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    // The app's settings: pings every 2 s, the stream's silence allowance, the same timeouts.
    TransportSettings transport = TransportSettings.DEFAULT;
    try (FaultProxy proxy = new FaultProxy(backendPort, 7);
        FeedRecorder recorder = new FeedRecorder(recording, Clock.systemUTC());
        BackendClient client = new BackendClient(proxy.baseUrl(), transport);
        LiveFeed feed =
            new LiveFeed(
                client,
                state,
                "operator",
                "operator",
                Clock.systemUTC(),
                LiveFeed.SILENCE_ALLOWED,
                new Random(11))) {
      // One client for the stream and the actions, as in the app: the feed signs in again for both.
      ActionOutbox outbox = new ActionOutbox(dir.resolve("client"), client, Clock.systemUTC());
      feed.recordTo(recorder);
      feed.start();
      awaitLive(state, server, Duration.ofSeconds(30));

      outcomes.add(cut("reset", state, server, proxy::resetAll, null));
      queueActions(state, outbox, tokens, "reset", 3);
      outcomes.add(
          cut(
              "half-open",
              state,
              server,
              () -> proxy.blackhole(true),
              () -> proxy.blackhole(false)));
      queueActions(state, outbox, tokens, "half-open", 3);
      outcomes.add(cut("truncated", state, server, () -> proxy.truncateAfter(700), null));
      degrade("latency 150±150 ms", state, server, () -> proxy.latency(150, 150), proxy::heal);
      queueActions(state, outbox, tokens, "latency", 3);
      degrade("bandwidth 8 KB/s", state, server, () -> proxy.bandwidth(8_000), proxy::heal);
      // A message burst on a slow link: 20,000 events at once behind 50±50 ms of latency.
      SimServer bursting = server;
      degrade(
          "burst 20,000 + latency",
          state,
          bursting,
          () -> {
            proxy.latency(50, 50);
            bursting.world().addLoad(20_000);
          },
          proxy::heal);

      // The backend killed mid-stream and restarted on the same port from its journal.
      queueActions(state, outbox, tokens, "before-kill", 2);
      long killedAt = System.nanoTime();
      server.close();
      queueActions(state, outbox, tokens, "backend-down", 3);
      long shown = awaitNotLive(state, SHOWN_WITHIN) - killedAt;
      FeedState shownAs = state.feedStatus().state();
      Thread.sleep(3_000);
      server = SimServer.start(config.toBuilder().port(backendPort).build());
      long back = System.nanoTime();
      long recovered = awaitLive(state, server, Duration.ofSeconds(10)) - back;
      outcomes.add(
          new Outcome("backend killed", shown / 1_000_000, recovered / 1_000_000, shownAs));
      outbox.kick();

      // End on a quiet backend: the state to compare with.
      server.close();
      server =
          SimServer.start(
              config.toBuilder()
                  .port(backendPort)
                  .speed(0.0001)
                  .rate(0)
                  .canary(Duration.ofHours(1))
                  .build());
      SimServer last = server;
      await().atMost(Duration.ofSeconds(30)).until(() -> state.seq() == last.world().headSeq());
      await().atMost(Duration.ofSeconds(60)).until(() -> outbox.pendingCount() == 0);
      recorder.flush();

      // Zero lost, zero duplicated: the applied seqs are one run without a gap or a repeat.
      List<Long> applied = appliedSeqs(recording);
      long firstSnapshotSeq = firstSnapshotSeq(recording);
      assertThat(applied).as("events applied after the snapshot").isNotEmpty();
      assertThat(applied.get(0)).isEqualTo(firstSnapshotSeq + 1);
      for (int i = 1; i < applied.size(); i++) {
        assertThat(applied.get(i))
            .as("event %d after %d", applied.get(i), applied.get(i - 1))
            .isEqualTo(applied.get(i - 1) + 1);
      }
      assertThat(applied.get(applied.size() - 1)).isEqualTo(last.world().headSeq());

      Snapshot truth = last.world().snapshot(Role.SUPERVISOR);
      assertThat(versions(state.snapshot())).isEqualTo(versions(truth));

      // Every action exactly once: confirmed ones left one step with their token, refused none.
      Map<String, Long> steps =
          tokenSteps(last.world().incidents(i -> true, Role.SUPERVISOR), tokens.keySet());
      int confirmed = 0;
      for (OutboxEntry e : outbox.entries()) {
        String token = e.action().note();
        long expected = e.state() == OutboxEntry.State.CONFIRMED ? 1 : 0;
        assertThat(steps.getOrDefault(token, 0L))
            .as("steps for %s (%s, %s)", token, e.state(), e.reason())
            .isEqualTo(expected);
        if (expected == 1) {
          confirmed++;
        }
      }
      assertThat(confirmed).as("actions confirmed").isGreaterThanOrEqualTo(tokens.size() / 2);

      for (Outcome o : outcomes) {
        System.out.printf(
            "FAULTS %-20s shown as %-8s after %5d ms, live again %5d ms after the network or"
                + " backend returned (one-off cuts: after the cut)%n",
            o.fault(), o.shownAs(), o.shownMs(), o.recoveredMs());
        assertThat(o.shownMs())
            .as(o.fault() + ": shown")
            .isLessThanOrEqualTo(SHOWN_WITHIN.toMillis());
        assertThat(o.recoveredMs())
            .as(o.fault() + ": recovered")
            .isLessThanOrEqualTo(RECOVERED_WITHIN.toMillis());
      }
      System.out.printf(
          "FAULTS summary: %d events applied (seq %d..%d), lost 0, duplicated 0; %d actions, %d"
              + " confirmed, %d refused, each applied exactly once; %d connections through the"
              + " proxy, %d bytes down; server clock %s ahead%n",
          applied.size(),
          applied.get(0),
          applied.get(applied.size() - 1),
          tokens.size(),
          confirmed,
          tokens.size() - confirmed,
          proxy.connections(),
          proxy.bytesDown(),
          Duration.ofHours(3));
      outbox.close();
    } finally {
      server.close();
    }
  }

  /**
   * A fault that breaks the connection: it must show, then come back live quickly — timed from the
   * network's return for faults that last ({@code heal} given), from the fault itself for a one-off
   * cut ({@code heal} null: the network never went away, only the connection).
   */
  private static Outcome cut(
      String name, CityState state, SimServer server, Runnable inject, Runnable heal)
      throws InterruptedException {
    awaitLive(state, server, Duration.ofSeconds(15));
    long injected = System.nanoTime();
    System.out.println("FAULTS inject " + name + " at " + Instant.now());
    inject.run();
    long shownAt = awaitNotLive(state, SHOWN_WITHIN.plusSeconds(5));
    FeedState shownAs = state.feedStatus().state();
    long healed = injected;
    if (heal != null) {
      Thread.sleep(1_000);
      healed = System.nanoTime();
      heal.run();
    }
    long liveAt = awaitLive(state, server, Duration.ofSeconds(15));
    return new Outcome(
        name, (shownAt - injected) / 1_000_000, (liveAt - healed) / 1_000_000, shownAs);
  }

  /**
   * A fault that only slows the network: the stream must go on (perhaps lagging), then catch up.
   */
  private static void degrade(
      String name, CityState state, SimServer server, Runnable inject, Runnable heal)
      throws InterruptedException {
    awaitLive(state, server, Duration.ofSeconds(15));
    inject.run();
    long seqBefore = state.seq();
    Thread.sleep(4_000);
    long during = state.seq() - seqBefore;
    heal.run();
    long healed = System.nanoTime();
    long caughtUp = awaitLive(state, server, Duration.ofSeconds(20));
    System.out.printf(
        "FAULTS %-20s %d events during 4 s, caught up %d ms after it ended%n",
        name, during, (caughtUp - healed) / 1_000_000);
    assertThat(during).as(name + ": the stream went on").isPositive();
  }

  /** Queues escalations with a unique note on open Ⅲ/Ⅳ cases (any thread, any network state). */
  private static void queueActions(
      CityState state, ActionOutbox outbox, Map<String, String> tokens, String during, int count) {
    List<Incident> open =
        state.snapshot().incidents().stream()
            .filter(i -> i.status().isOpen())
            .filter(i -> i.level() == IncidentLevel.III || i.level() == IncidentLevel.IV)
            .limit(200)
            .toList();
    for (int k = 0; k < count && k < open.size(); k++) {
      Incident target = open.get((tokens.size() * 7 + k * 13) % open.size());
      String token = "fault-" + during + "-" + tokens.size();
      tokens.put(token, target.id());
      outbox.submit(target.id(), IncidentAction.of(ActionType.ESCALATE, token));
    }
  }

  /** Waits until the feed is live and holds the backend's head; returns System.nanoTime(). */
  private static long awaitLive(CityState state, SimServer server, Duration within) {
    await()
        .pollInterval(Duration.ofMillis(20))
        .atMost(within)
        .until(
            () ->
                state.feedStatus().state() == FeedState.LIVE
                    && state.seq() >= server.world().headSeq() - 50);
    return System.nanoTime();
  }

  private static long awaitNotLive(CityState state, Duration within) {
    await()
        .pollInterval(Duration.ofMillis(20))
        .atMost(within)
        .until(() -> state.feedStatus().state() != FeedState.LIVE);
    return System.nanoTime();
  }

  private static List<Long> appliedSeqs(Path recording) throws java.io.IOException {
    List<Long> seqs = new ArrayList<>();
    for (String line : Files.readAllLines(recording)) {
      var node = com.cityops.api.Json.mapper().readTree(line);
      if (node.hasNonNull("message")) {
        seqs.add(com.cityops.api.Json.peekSeq(node.path("message").asText()));
      }
    }
    return seqs;
  }

  private static long firstSnapshotSeq(Path recording) throws java.io.IOException {
    for (String line : Files.readAllLines(recording)) {
      var node = com.cityops.api.Json.mapper().readTree(line);
      if (node.hasNonNull("snapshot")) {
        return node.path("snapshot").path("seq").asLong();
      }
    }
    throw new AssertionError("no snapshot in the recording");
  }

  private static Map<String, Long> tokenSteps(List<Incident> all, java.util.Set<String> tokens) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Incident i : all) {
      for (StatusTransition t : i.timeline()) {
        if (t.note() == null) {
          continue;
        }
        for (String token : tokens) {
          if (t.note().endsWith(token)) {
            counts.merge(token, 1L, Long::sum);
          }
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> versions(Snapshot snapshot) {
    return snapshot.incidents().stream()
        .collect(Collectors.toMap(Incident::id, Incident::version, (a, b) -> a));
  }
}
