package com.cityops.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.AuditBatch;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.BackendException;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local audit log shipped to the real sim over HTTP; the sim checks the chain itself. */
class AuditShipperIT {
  @TempDir Path dir;
  @TempDir Path simData;
  private SimServer sim;
  private BackendClient client;
  private AuditTrail trail;

  @BeforeEach
  void start() {
    sim = startSim();
    client = new BackendClient(sim.baseUrl());
    client.login("supervisor", "supervisor");
    trail = new AuditTrail(dir);
  }

  private SimServer startSim() {
    return SimServer.start(SimConfig.builder().port(0).seed(5).rate(0).dataDir(simData).build());
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private void record(int i) {
    trail.append(
        Instant.parse("2026-12-03T06:00:00Z").plusSeconds(i),
        "supervisor",
        "reveal-personal-data",
        Map.of("caseId", "case-" + i, "field", "phone"));
  }

  @Test
  void shipsTheLogInBatchesAndThenOnlyWhatIsNew() {
    for (int i = 0; i < 450; i++) { // more than two batches
      record(i);
    }
    try (AuditShipper shipper = new AuditShipper(dir, client::shipAudit)) {
      shipper.ship();
      assertThat(shipper.progress()).isEqualTo(new AuditShipper.Progress(450, 0, null));
      record(450);
      shipper.ship();
      assertThat(shipper.progress()).isEqualTo(new AuditShipper.Progress(451, 0, null));
      assertThat(client.shipAudit(new AuditBatch(shipper.clientId(), List.of())).records())
          .isEqualTo(451);
    }
  }

  @Test
  void aChangedLineIsNotShippedNorAnythingAfterItAndTheProblemSaysWhere() throws Exception {
    for (int i = 0; i < 5; i++) {
      record(i);
    }
    try (AuditShipper shipper = new AuditShipper(dir, client::shipAudit)) {
      shipper.ship();
      for (int i = 5; i < 10; i++) {
        record(i);
      }
      Path log = trail.file();
      Files.writeString(
          log,
          Files.readString(log, StandardCharsets.UTF_8).replace("case-7", "case-3"),
          StandardCharsets.UTF_8);
      shipper.ship();
      AuditShipper.Progress progress = shipper.progress();
      assertThat(progress.shipped()).isEqualTo(7); // lines 6 and 7 were sound
      assertThat(progress.waiting()).isEqualTo(3);
      assertThat(progress.problem())
          .contains("line 8: changed after it was written")
          .contains("the backend holds the log up to line 7")
          .contains("Keep the file as evidence");
    }
  }

  @Test
  void theBackendRefusesAChangedRecordSentDirectly() throws Exception {
    record(0);
    record(1);
    String clientId;
    try (AuditShipper shipper = new AuditShipper(dir, client::shipAudit)) {
      clientId = shipper.clientId();
    }
    List<String> lines = Files.readAllLines(trail.file(), StandardCharsets.UTF_8);
    String forged = lines.get(1).replace("case-1", "case-9");
    assertThatThrownBy(
            () -> client.shipAudit(new AuditBatch(clientId, List.of(lines.get(0), forged))))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageContaining("record 2 of the batch: changed after it was written");
    assertThatThrownBy(() -> client.shipAudit(new AuditBatch(clientId, List.of(lines.get(1)))))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("holds 0 records");
  }

  @Test
  void afterABackendRestartItGoesOnFromTheBackendsCopy() {
    for (int i = 0; i < 3; i++) {
      record(i);
    }
    try (AuditShipper shipper = new AuditShipper(dir, client::shipAudit)) {
      shipper.ship();
      sim.close();
      record(3); // written while the backend is down
      assertThatThrownBy(shipper::ship).isInstanceOf(BackendException.class);
      sim = startSim(); // same data directory, new port
      client.close();
      client = new BackendClient(sim.baseUrl());
      client.login("supervisor", "supervisor");
    }
    try (AuditShipper again = new AuditShipper(dir, client::shipAudit)) {
      again.ship();
      assertThat(again.progress()).isEqualTo(new AuditShipper.Progress(4, 0, null));
    }
  }

  @Test
  void aLogCutBeforeTheBackendsCopyIsReported() throws Exception {
    for (int i = 0; i < 4; i++) {
      record(i);
    }
    try (AuditShipper shipper = new AuditShipper(dir, client::shipAudit)) {
      shipper.ship();
      List<String> lines = Files.readAllLines(trail.file(), StandardCharsets.UTF_8);
      Files.write(trail.file(), lines.subList(0, 2), StandardCharsets.UTF_8);
      shipper.ship();
      assertThat(shipper.progress().problem())
          .contains("backend's copy of the audit log (4 records) is not the start of")
          .contains("(2 records)");
    }
  }
}
