package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Device;
import com.cityops.api.DeviceStatus;
import com.cityops.api.DeviceType;
import com.cityops.api.Json;
import com.cityops.api.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail's small pure parts and its per-user records. */
class DetailRecordsTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  @TempDir Path dataDir;

  @Test
  void listsDevicesWithinTheRadiusNearestFirst() {
    Location incident = new Location(121.40, 31.25, "", "", "", "");
    List<Device> devices =
        List.of(
            device("far", 31.25 + 600 / 111_195.0),
            device("mid", 31.25 + 300 / 111_195.0),
            device("near", 31.25 + 50 / 111_195.0));
    var near = NearbyDevices.around(incident, devices, 500, 10);
    assertThat(near).extracting(n -> n.device().id()).containsExactly("near", "mid");
    assertThat(near.get(0).metres()).isBetween(49.0, 51.0);
  }

  @Test
  void readsTheServersSentenceFromARefusal() {
    String reason =
        "POST /api/v1/incidents/x/actions → HTTP 409 (Action not allowed in the case's current"
            + " state: cannot close case PT-1: it is allowed only in verifying (核查))";
    assertThat(ServerReason.status(reason)).isEqualTo("409");
    assertThat(ServerReason.readable(reason))
        .isEqualTo("cannot close case PT-1: it is allowed only in verifying (核查)");
    assertThat(ServerReason.readable("connection refused")).isEqualTo("connection refused");
  }

  @Test
  void keepsSopTicksPerCase() {
    ChecklistStore store = new ChecklistStore(dataDir);
    assertThat(store.load("inc-1")).isEmpty();
    store.save("inc-1", Set.of(0, 2), T0);
    store.save("inc/2", Set.of(1), T0);
    assertThat(new ChecklistStore(dataDir).load("inc-1")).containsExactlyInAnyOrder(0, 2);
    assertThat(new ChecklistStore(dataDir).load("inc/2")).containsExactly(1);
  }

  @Test
  void appendsOneAuditLinePerRevealWithoutTheValue() throws Exception {
    AuditLog audit = new AuditLog(dataDir);
    audit.revealed(T0, "supervisor", "inc-1", "PT-1", "reporter.phone");
    audit.revealed(T0.plusSeconds(5), "supervisor", "inc-1", "PT-1", "reporter.name");
    List<String> lines = Files.readAllLines(audit.file());
    assertThat(lines).hasSize(2);
    var first = Json.readTree(lines.get(0));
    assertThat(first.path("time").asText()).isEqualTo("2026-11-22T02:00:00Z");
    assertThat(first.path("user").asText()).isEqualTo("supervisor");
    assertThat(first.path("caseId").asText()).isEqualTo("inc-1");
    assertThat(first.path("field").asText()).isEqualTo("reporter.phone");
  }

  private static Device device(String id, double lat) {
    return new Device(
        id,
        DeviceType.CAMERA,
        id,
        new Location(121.40, lat, "", "", "", ""),
        DeviceStatus.ONLINE,
        null,
        false,
        0);
  }
}
