package com.cityops.app.detail;

import com.cityops.app.security.AuditTrail;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who looked at personal data (个人信息查看审计): one record per reveal — time, user, case, field — in the
 * app's tamper-evident {@link AuditTrail}; the value revealed is not written. Blocking file I/O:
 * call it off the FX thread. Thread-safe.
 */
final class AuditLog {
  static final String FILE = AuditTrail.FILE;

  private final AuditTrail trail;

  AuditLog(Path dataDir) {
    this.trail = new AuditTrail(dataDir);
  }

  Path file() {
    return trail.file();
  }

  void revealed(Instant at, String user, String caseId, String caseCode, String field) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("caseId", caseId);
    details.put("caseCode", caseCode);
    details.put("field", field);
    trail.append(at, user, "reveal-personal-data", details);
  }

  /** An action went into the outbox ({@code key}: its idempotency key, as the backend sees it). */
  void actionQueued(
      Instant at, String user, String caseId, String caseCode, String type, String key) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("caseId", caseId);
    details.put("caseCode", caseCode);
    details.put("type", type);
    details.put("key", key);
    trail.append(at, user, "action-queued", details);
  }
}
