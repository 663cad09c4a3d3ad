package com.cityops.sim.http;

import com.cityops.api.AuditBatch;
import com.cityops.api.AuditChain;
import com.cityops.api.AuditReceipt;
import com.cityops.api.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backend's copy of each client's audit log ({@code POST /audit}): records are taken only as
 * the continuation of what is held for that client, each checked by the contract's {@link
 * AuditChain} rules, so a changed, removed or inserted record is refused and the copy here stays
 * the evidence. Records already held are skipped (a batch may be sent again); a batch is taken
 * whole or not at all. Kept in {@code audit/<clientId>.jsonl} of the data directory when there is
 * one (checked again at start), else in memory.
 */
final class AuditArchive {
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final Path dir;
  private final Map<String, Chain> chains = new HashMap<>();

  /** One client's log: its lines and, for skipping resent records, the index of each hash. */
  private static final class Chain {
    final List<String> lines = new ArrayList<>();
    final Map<String, Integer> byHash = new HashMap<>();
    String lastHash = AuditChain.GENESIS;

    void add(String line, String hash) {
      byHash.put(hash, lines.size());
      lines.add(line);
      lastHash = hash;
    }
  }

  /** {@code dataDir} null keeps the logs in memory. */
  AuditArchive(Path dataDir) {
    this.dir = dataDir == null ? null : dataDir.resolve("audit");
    if (dir != null) {
      load();
    }
  }

  synchronized AuditReceipt append(AuditBatch batch) {
    String clientId = batch.clientId();
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "'clientId' must be 1 to 64 letters, digits or '-' (the installation's id)");
    }
    List<String> records = batch.records() == null ? List.of() : batch.records();
    if (records.size() > AuditBatch.MAX_RECORDS) {
      throw new BadRequest(
          ProblemType.PAYLOAD_TOO_LARGE,
          records.size() + " records in one batch; send at most " + AuditBatch.MAX_RECORDS);
    }
    Chain chain = chains.computeIfAbsent(clientId, id -> new Chain());
    List<String> fresh = new ArrayList<>();
    List<String> freshHashes = new ArrayList<>();
    String prev = chain.lastHash;
    for (int i = 0; i < records.size(); i++) {
      String line = records.get(i);
      Integer held = line == null ? null : chain.byHash.get(AuditChain.hashOf(line));
      if (held != null && fresh.isEmpty() && chain.lines.get(held).equals(line)) {
        continue; // sent before
      }
      AuditChain.Link link = AuditChain.link(prev, line);
      if (link.problem() != null) {
        throw refusal(clientId, chain, i + 1, link.problem());
      }
      fresh.add(line);
      freshHashes.add(link.hash());
      prev = link.hash();
    }
    persist(clientId, fresh);
    for (int i = 0; i < fresh.size(); i++) {
      chain.add(fresh.get(i), freshHashes.get(i));
    }
    return new AuditReceipt(clientId, chain.lines.size(), chain.lastHash, fresh.size());
  }

  private static BadRequest refusal(String clientId, Chain chain, int record, String problem) {
    String held =
        "the backend holds "
            + chain.lines.size()
            + " records of client "
            + clientId
            + (chain.lines.isEmpty() ? "" : ", the last with hash " + chain.lastHash);
    if (problem.startsWith("does not follow")) {
      return new BadRequest(
          ProblemType.AUDIT_CHAIN_GAP,
          "record " + record + " of the batch " + problem + "; " + held + ": send from there on");
    }
    return new BadRequest(
        ProblemType.AUDIT_RECORD_ALTERED,
        "record " + record + " of the batch: " + problem + " — refused; " + held);
  }

  private void persist(String clientId, List<String> lines) {
    if (dir == null || lines.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(clientId + ".jsonl"),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the audit records of " + clientId, e);
    }
  }

  private void load() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        String clientId = file.getFileName().toString().replace(".jsonl", "");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        AuditChain.Check check = AuditChain.check(AuditChain.GENESIS, lines);
        if (!check.intact()) {
          throw new IllegalStateException(
              "the stored audit log "
                  + file
                  + " is broken at line "
                  + check.brokenAt()
                  + " ("
                  + check.problem()
                  + "); move it aside, keep it as evidence");
        }
        Chain chain = new Chain();
        lines.forEach(line -> chain.add(line, AuditChain.hashOf(line)));
        chains.put(clientId, chain);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored audit logs in " + dir, e);
    }
  }
}
