package com.cityops.app.detail;

import com.cityops.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local audit trail of who looked at personal data (个人信息查看审计): one JSON line per reveal — time,
 * user, case, field — appended to {@code audit.jsonl} in the per-user data folder and forced to
 * disk before it counts. Only appended, never rewritten; the value revealed is not written.
 * Blocking file I/O: call it off the FX thread. Thread-safe.
 */
final class AuditLog {
  static final String FILE = "audit.jsonl";

  private final Path file;

  AuditLog(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  Path file() {
    return file;
  }

  synchronized void revealed(
      Instant at, String user, String caseId, String caseCode, String field) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", at.toString());
    line.put("user", user);
    line.put("action", "reveal-personal-data");
    line.put("caseId", caseId);
    line.put("caseCode", caseCode);
    line.put("field", field);
    byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel out =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit record to " + file, e);
    }
  }
}
