package com.cityops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules of the tamper-evident audit log, one copy for the client that writes it and the server
 * it is shipped to: each record is one JSON line carrying the SHA-256 of the record before it
 * ({@code prev}) and of itself ({@code hash}), over the previous hash, a newline and the record's
 * JSON without {@code hash}. A line changed, removed or put in between breaks the chain from there.
 */
public final class AuditChain {
  /** The {@code prev} of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** What {@link #check} found: intact, or the first line (1-based) that breaks the chain. */
  public record Check(int records, int brokenAt, String problem, String lastHash) {
    public boolean intact() {
      return brokenAt == 0;
    }
  }

  /**
   * Walks {@code lines} as the continuation of a chain whose last hash is {@code prev} ({@link
   * #GENESIS} for the start of a log).
   */
  public static Check check(String prev, List<String> lines) {
    int n = 0;
    for (String line : lines) {
      n++;
      Link link = link(prev, line);
      if (link.problem() != null) {
        return new Check(n - 1, n, link.problem(), prev);
      }
      prev = link.hash();
    }
    return new Check(n, 0, null, prev);
  }

  /** A line read as the next link of a chain: its hash, or why it does not follow. */
  public record Link(String hash, String problem) {}

  /** Reads {@code line} (once) as the record after the one whose hash is {@code prev}. */
  public static Link link(String prev, String line) {
    if (line == null || line.isBlank()) {
      return new Link(null, "empty line");
    }
    JsonNode node;
    try {
      node = Json.readTree(line);
    } catch (Json.MalformedJsonException e) {
      return new Link(null, "not JSON: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode record)) {
      return new Link(null, "not a record");
    }
    if (!prev.equals(record.path("prev").asText())) {
      return new Link(null, "does not follow the line before it (removed or inserted?)");
    }
    String claimed = record.path("hash").asText();
    ObjectNode body = record.deepCopy();
    body.remove("hash");
    if (!claimed.equals(hash(prev, body))) {
      return new Link(null, "changed after it was written");
    }
    return new Link(claimed, null);
  }

  /** The {@code hash} a line claims (empty when it has none). */
  public static String hashOf(String line) {
    try {
      return Json.readTree(line).path("hash").asText();
    } catch (Json.MalformedJsonException e) {
      return "";
    }
  }

  /** SHA-256 over the previous hash and the record's JSON without its own hash. */
  public static String hash(String prev, ObjectNode recordWithoutHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(prev.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(Json.write(recordWithoutHash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
