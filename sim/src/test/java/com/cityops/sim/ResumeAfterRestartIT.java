package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.cityops.api.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal makes seq survive a restart: a client resumes with since and sees no gap, no
 * duplicate.
 */
class ResumeAfterRestartIT {

  @Test
  void resumesAfterARestartWithNoGapAndNoDuplicate(@TempDir Path dataDir) {
    SimConfig config =
        SimConfig.builder()
            .port(0)
            .dataDir(dataDir)
            .speed(30)
            .rate(300)
            .start(Instant.parse("2026-11-22T02:00:00Z"))
            .build();
    long lastSeenBeforeRestart;
    try (SimServer first = SimServer.start(config);
        var client = new SimTestClient(first.baseUrl()).login("operator")) {
      long snapshotSeq = client.get(ApiPaths.SNAPSHOT).json().get("seq").asLong();
      var stream = client.stream(snapshotSeq);
      await().atMost(Duration.ofSeconds(20)).until(() -> stream.events().size() >= 300);
      stream.cancel();
      assertConsecutive(stream.events(), snapshotSeq + 1);
      lastSeenBeforeRestart = stream.lastSeq();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> first.world().headSeq() > lastSeenBeforeRestart + 100);
    }
    try (SimServer second = SimServer.start(config.toBuilder().port(0).build());
        var client = new SimTestClient(second.baseUrl()).login("operator")) {
      assertThat(second.world().headSeq()).isGreaterThan(lastSeenBeforeRestart + 100);
      var resumed = client.stream(lastSeenBeforeRestart);
      long target = second.world().headSeq() + 200;
      await().atMost(Duration.ofSeconds(20)).until(() -> resumed.lastSeq() >= target);
      resumed.close();
      assertConsecutive(resumed.events(), lastSeenBeforeRestart + 1);
    }
  }

  @Test
  void restoresTheSameStateAfterARestart(@TempDir Path dataDir) {
    SimConfig config =
        SimConfig.builder()
            .port(0)
            .dataDir(dataDir)
            .speed(60)
            .start(Instant.parse("2026-11-22T02:00:00Z"))
            .build();
    JsonNode before;
    try (SimServer first = SimServer.start(config)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> first.world().headSeq() > 500);
      first.close(); // stops the clock: what the world holds now is its final state
      before = Json.readTree(Json.write(first.world().snapshot(Role.SUPERVISOR)));
    }
    // A clock so slow that no step runs: the restarted world is exactly what the journal rebuilt.
    try (SimServer again = SimServer.start(config.toBuilder().speed(0.0001).build());
        var client = new SimTestClient(again.baseUrl()).login("supervisor")) {
      JsonNode after = client.get(ApiPaths.SNAPSHOT).json();
      assertThat(after.get("seq")).isEqualTo(before.get("seq"));
      assertThat(after.get("incidents")).isEqualTo(before.get("incidents"));
      assertThat(after.get("devices")).isEqualTo(before.get("devices"));
      assertThat(after.get("indicators")).hasSameSizeAs(before.get("indicators"));
    }
  }

  static void assertConsecutive(List<JsonNode> events, long firstSeq) {
    assertThat(events).isNotEmpty();
    long expected = firstSeq;
    for (JsonNode event : events) {
      assertThat(event.get("seq").asLong()).as("seq after %d", expected - 1).isEqualTo(expected);
      expected++;
    }
  }

  @Test
  void aDataDirectoryKeepsTheSeedItWasCreatedWith(@TempDir Path dataDir) {
    SimConfig first = SimConfig.builder().port(0).dataDir(dataDir).seed(11).speed(0.0001).build();
    try (SimServer server = SimServer.start(first)) {
      assertThat(server.world().headSeq()).isPositive();
    }
    try (SimServer again = SimServer.start(first.toBuilder().seed(99).build());
        var client = new SimTestClient(again.baseUrl()).login("operator")) {
      JsonNode device = client.get(ApiPaths.DEVICES + "?type=camera").json().get("items").get(0);
      try (SimServer reference =
              SimServer.start(SimConfig.builder().port(0).seed(11).speed(0.0001).build());
          var other = new SimTestClient(reference.baseUrl()).login("operator")) {
        JsonNode expected = other.get(ApiPaths.DEVICES + "?type=camera").json().get("items").get(0);
        assertThat(device.get("location")).isEqualTo(expected.get("location"));
      }
    }
  }
}
