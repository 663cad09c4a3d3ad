package com.cityops.app.detail;

import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which SOP steps were ticked for each case, one small file per case under {@code sop-checklists/}
 * in the per-user data folder, written atomically. Blocking file I/O: call it off the FX thread.
 * Thread-safe (a case's file is replaced whole).
 */
final class ChecklistStore {
  private final Path folder;

  ChecklistStore(Path dataDir) {
    this.folder = dataDir.resolve("sop-checklists");
  }

  /** The ticked step numbers (0-based) of a case; none when it was never ticked. */
  Set<Integer> load(String caseId) {
    Path file = fileOf(caseId);
    if (!Files.exists(file)) {
      return Set.of();
    }
    try {
      JsonNode node = Json.readTree(Files.readString(file, StandardCharsets.UTF_8));
      Set<Integer> ticked = new TreeSet<>();
      node.path("ticked").forEach(n -> ticked.add(n.asInt()));
      return Set.copyOf(ticked);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SOP ticks of " + caseId + " in " + file, e);
    } catch (Json.MalformedJsonException e) {
      throw new IllegalStateException(
          "the SOP ticks of " + caseId + " in " + file + " are unreadable; delete the file", e);
    }
  }

  void save(String caseId, Set<Integer> ticked, Instant at) {
    Path file = fileOf(caseId);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("caseId", caseId);
    record.put("ticked", new TreeSet<>(ticked));
    record.put("updatedAt", at.toString());
    try {
      Files.createDirectories(folder);
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, Json.write(record), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the SOP ticks of " + caseId + " to " + file, e);
    }
  }

  private Path fileOf(String caseId) {
    return folder.resolve(caseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
  }
}
