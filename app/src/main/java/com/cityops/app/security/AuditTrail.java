package com.cityops.app.security;

import com.cityops.api.AuditChain;
import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The local audit log of security-relevant actions (sign-in, reveal of personal data, action sent):
 * one JSON line per record in {@code audit.jsonl}, each carrying the SHA-256 of the line before it
 * ({@code prev}) and of itself ({@code hash}) — a hash chain, so a line changed, removed or put in
 * between afterwards breaks the chain from that line on ({@link #verify}). Only appended, forced to
 * disk before {@link #append} returns; values revealed are never written, only what was revealed.
 * The chain's rules are the contract's ({@link AuditChain}), so the backend checks a shipped log
 * the same way ({@link AuditShipper}). Blocking file I/O: call it off the FX thread. Thread-safe
 * within one process, across instances.
 */
public final class AuditTrail {
  public static final String FILE = "audit.jsonl";
  static final String GENESIS = AuditChain.GENESIS;

  /** One lock per log file: the detail panel and the app append to the same file. */
  private static final java.util.concurrent.ConcurrentMap<Path, Object> LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Path file;

  public AuditTrail(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one record: {@code time}, {@code user}, {@code action}, then {@code details} in order.
   *
   * @throws UncheckedIOException when the record could not be written (the caller must not go on as
   *     if it had been: a reveal without its record is not allowed)
   */
  public void append(Instant at, String user, String action, Map<String, ?> details) {
    synchronized (LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
      appendLocked(at, user, action, details);
    }
  }

  private void appendLocked(Instant at, String user, String action, Map<String, ?> details) {
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("time", at.toString());
    record.put("user", user);
    record.put("action", action);
    details.forEach((k, v) -> record.set(k, Json.mapper().valueToTree(v)));
    try {
      Files.createDirectories(file.getParent());
      // Read back every time (a seek to the last line): other instances append to this file too.
      String prev = lastHash(file);
      record.put("prev", prev);
      String hash = AuditChain.hash(prev, record);
      record.put("hash", hash);
      byte[] bytes = (Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
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

  /** Walks the chain from the first line; an absent file is an empty, intact log. */
  public static AuditChain.Check verify(Path file) throws IOException {
    if (!Files.exists(file)) {
      return AuditChain.check(GENESIS, List.of());
    }
    return AuditChain.check(GENESIS, Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The hash of the file's last record, or the genesis value for an absent or empty file. */
  private static String lastHash(Path file) throws IOException {
    if (!Files.exists(file)) {
      return GENESIS;
    }
    String line = lastLine(file);
    if (line == null) {
      return GENESIS;
    }
    JsonNode node = Json.readTree(line);
    String hash = node.path("hash").asText();
    if (hash.length() != 64) {
      throw new IOException(
          "the audit log "
              + file
              + " ends with a record without a hash; move it aside (keep it: it is evidence)");
    }
    return hash;
  }

  private static String lastLine(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length();
      while (end > 0) {
        in.seek(end - 1);
        if (in.read() != '\n') {
          break;
        }
        end--;
      }
      if (end == 0) {
        return null;
      }
      long start = end;
      while (start > 0) {
        in.seek(start - 1);
        if (in.read() == '\n') {
          break;
        }
        start--;
      }
      byte[] bytes = new byte[(int) (end - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
