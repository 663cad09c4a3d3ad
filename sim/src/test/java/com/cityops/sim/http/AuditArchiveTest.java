package com.cityops.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.AuditBatch;
import com.cityops.api.AuditChain;
import com.cityops.api.AuditReceipt;
import com.cityops.api.Json;
import com.cityops.api.ProblemType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditArchiveTest {
  private static final String CLIENT = "7f2c9a4e-0b1d-4c55-9e0a-2d7b1c3e4f50";

  /** A log of {@code n} records chained by the contract's rules, as the client writes it. */
  static List<String> log(int n) {
    List<String> lines = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 0; i < n; i++) {
      ObjectNode record = Json.mapper().createObjectNode();
      record.put("time", "2026-12-03T06:00:0" + (i % 10) + "Z");
      record.put("user", "supervisor");
      record.put("action", "reveal-personal-data");
      record.put("caseId", "case-" + i);
      record.put("prev", prev);
      prev = AuditChain.hash(prev, record);
      record.put("hash", prev);
      lines.add(Json.write(record));
    }
    return lines;
  }

  @Test
  void takesALogInBatchesAndSkipsWhatItHolds() {
    AuditArchive archive = new AuditArchive(null);
    List<String> log = log(5);
    AuditReceipt first = archive.append(new AuditBatch(CLIENT, log.subList(0, 3)));
    assertThat(first.records()).isEqualTo(3);
    assertThat(first.accepted()).isEqualTo(3);
    AuditReceipt again = archive.append(new AuditBatch(CLIENT, log)); // the first 3 sent again
    assertThat(again.records()).isEqualTo(5);
    assertThat(again.accepted()).isEqualTo(2);
    assertThat(again.lastHash()).isEqualTo(AuditChain.hashOf(log.get(4)));
    assertThat(archive.append(new AuditBatch(CLIENT, List.of())).records()).isEqualTo(5);
  }

  @Test
  void refusesAGapAndSaysWhereItsCopyEnds() {
    AuditArchive archive = new AuditArchive(null);
    List<String> log = log(4);
    archive.append(new AuditBatch(CLIENT, log.subList(0, 1)));
    assertThatThrownBy(() -> archive.append(new AuditBatch(CLIENT, log.subList(2, 4))))
        .isInstanceOfSatisfying(
            BadRequest.class, e -> assertThat(e.problem()).isEqualTo(ProblemType.AUDIT_CHAIN_GAP))
        .hasMessageContaining("record 1 of the batch does not follow")
        .hasMessageContaining("holds 1 records");
  }

  @Test
  void refusesAChangedRecordAndTakesNothingOfThatBatch() {
    AuditArchive archive = new AuditArchive(null);
    List<String> log = new ArrayList<>(log(3));
    log.set(2, log.get(2).replace("case-2", "case-9"));
    assertThatThrownBy(() -> archive.append(new AuditBatch(CLIENT, log)))
        .isInstanceOfSatisfying(
            BadRequest.class,
            e -> assertThat(e.problem()).isEqualTo(ProblemType.AUDIT_RECORD_ALTERED))
        .hasMessageContaining("record 3 of the batch: changed after it was written");
    assertThat(archive.append(new AuditBatch(CLIENT, List.of())).records()).isZero();
  }

  @Test
  void refusesClientIdsThatCouldNameAnotherFile() {
    AuditArchive archive = new AuditArchive(null);
    assertThatThrownBy(() -> archive.append(new AuditBatch("../token", List.of())))
        .hasMessageContaining("'clientId' must be");
    assertThatThrownBy(
            () -> archive.append(new AuditBatch(CLIENT, log(AuditBatch.MAX_RECORDS + 1))))
        .hasMessageContaining("send at most");
  }

  @Test
  void keepsTheLogsAcrossARestartAndRefusesABrokenStoredOne(@TempDir Path dir) throws Exception {
    List<String> log = log(3);
    new AuditArchive(dir).append(new AuditBatch(CLIENT, log));
    AuditArchive restarted = new AuditArchive(dir);
    assertThat(restarted.append(new AuditBatch(CLIENT, log)).accepted()).isZero();
    assertThat(restarted.append(new AuditBatch(CLIENT, List.of())).records()).isEqualTo(3);

    Path stored = dir.resolve("audit").resolve(CLIENT + ".jsonl");
    Files.writeString(stored, Files.readString(stored).replace("case-1", "case-7"));
    assertThatThrownBy(() -> new AuditArchive(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken at line 2");
  }
}
