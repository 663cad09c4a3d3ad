package com.cityops.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.AuditChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  private static Path threeRecords(Path dir) {
    AuditTrail trail = new AuditTrail(dir);
    trail.append(T0, "supervisor", "sign-in", Map.of("server", "https://ops.example"));
    trail.append(T0.plusSeconds(5), "supervisor", "reveal-personal-data", Map.of("field", "phone"));
    trail.append(T0.plusSeconds(9), "supervisor", "action-sent", Map.of("type", "dispatch"));
    return trail.file();
  }

  @Test
  void anUntouchedLogVerifies(@TempDir Path dir) throws Exception {
    Path file = threeRecords(dir);
    AuditChain.Check check = AuditTrail.verify(file);
    assertThat(check.intact()).isTrue();
    assertThat(check.records()).isEqualTo(3);
    assertThat(Files.readAllLines(file).get(0)).contains("\"prev\":\"" + AuditTrail.GENESIS + "\"");
  }

  @Test
  void aChangedLineBreaksTheChainThere(@TempDir Path dir) throws Exception {
    Path file = threeRecords(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(1, lines.get(1).replace("phone", "name"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    AuditChain.Check check = AuditTrail.verify(file);
    assertThat(check.brokenAt()).isEqualTo(2);
    assertThat(check.problem()).contains("changed");
  }

  @Test
  void aRemovedLineBreaksTheChainAfterIt(@TempDir Path dir) throws Exception {
    Path file = threeRecords(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines, StandardCharsets.UTF_8);
    AuditChain.Check check = AuditTrail.verify(file);
    assertThat(check.brokenAt()).isEqualTo(2);
    assertThat(check.problem()).contains("removed or inserted");
  }

  @Test
  void aReopenedLogContinuesTheChain(@TempDir Path dir) throws Exception {
    threeRecords(dir);
    new AuditTrail(dir).append(T0.plusSeconds(60), "operator", "sign-in", Map.of());
    AuditChain.Check check = AuditTrail.verify(dir.resolve(AuditTrail.FILE));
    assertThat(check.intact()).isTrue();
    assertThat(check.records()).isEqualTo(4);
  }
}
