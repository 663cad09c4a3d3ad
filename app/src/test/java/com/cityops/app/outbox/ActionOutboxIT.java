package com.cityops.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Role;
import com.cityops.app.feed.BackendClient;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against the real backend: queued while it is down, delivered exactly once, across a
 * client restart.
 */
class ActionOutboxIT {
  // A frozen city clock: departments must not move the case while the test acts on it.
  static SimConfig frozen(Path serverData) {
    return SimConfig.builder()
        .port(0)
        .dataDir(serverData)
        .speed(0.0001)
        .start(Instant.parse("2026-11-22T02:00:00Z"))
        .build();
  }

  static Incident handlingCase(SimServer server) {
    return server.world().snapshot(Role.SUPERVISOR).incidents().stream()
        .filter(i -> i.status() == IncidentStatus.HANDLING && i.level().code() > 1)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deliversAnActionQueuedWhileTheBackendIsDownExactlyOnceAcrossAClientRestart(
      @TempDir Path serverData, @TempDir Path clientData) {
    SimServer server = SimServer.start(frozen(serverData));
    int port = server.port();
    Incident target = handlingCase(server);
    BackendClient client = new BackendClient(server.baseUrl());
    client.login("operator", "operator");
    server.close();

    ActionOutbox first = new ActionOutbox(clientData, client, Clock.systemUTC());
    OutboxEntry queued =
        first.submit(target.id(), IncidentAction.of(ActionType.ESCALATE, "积水扩大，请求升级"));
    await().atMost(Duration.ofSeconds(5)).until(() -> first.entries().get(0).attempts() >= 1);
    assertThat(first.entries().get(0).state()).isEqualTo(OutboxEntry.State.PENDING);
    first.close(); // the operator's PC restarts while the backend is still down

    server = SimServer.start(frozen(serverData).toBuilder().port(port).build());
    try (ActionOutbox second = new ActionOutbox(clientData, client, Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> second.entries().get(0).state() == OutboxEntry.State.CONFIRMED);
      assertThat(second.entries())
          .singleElement()
          .extracting(OutboxEntry::key)
          .isEqualTo(queued.key());
      Incident after = server.world().incident(target.id(), Role.SUPERVISOR).orElseThrow();
      assertThat(after.version()).isEqualTo(target.version() + 1);
      assertThat(after.level().code()).isEqualTo(target.level().code() - 1);
      assertThat(after.timeline().stream().filter(t -> t.note().contains("积水扩大"))).hasSize(1);
    } finally {
      server.close();
      client.close();
    }
  }

  @Test
  void keepsARefusalWithTheServersReasonAndDoesNotRetryIt(
      @TempDir Path serverData, @TempDir Path clientData) {
    try (SimServer server = SimServer.start(frozen(serverData));
        BackendClient client = new BackendClient(server.baseUrl());
        ActionOutbox outbox = new ActionOutbox(clientData, client, Clock.systemUTC())) {
      client.login("operator", "operator");
      Incident target = handlingCase(server);
      outbox.submit(target.id(), IncidentAction.of(ActionType.CLOSE, null));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> outbox.entries().get(0).state() == OutboxEntry.State.REJECTED);
      OutboxEntry rejected = outbox.entries().get(0);
      assertThat(rejected.reason()).contains("409").contains("handling");
      assertThat(rejected.attempts()).isEqualTo(1);
      assertThat(outbox.pendingCount()).isZero();
    }
  }
}
