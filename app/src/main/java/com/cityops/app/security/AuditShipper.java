package com.cityops.app.security;

import com.cityops.api.AuditBatch;
import com.cityops.api.AuditChain;
import com.cityops.api.AuditReceipt;
import com.cityops.app.feed.BackendException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the local {@link AuditTrail} to the backend while it can be reached ({@code POST /audit}),
 * on its own {@code cityops-audit} thread. Where the backend's copy ends is asked of the backend at
 * start and whenever the log has grown since it last held all of it (an unchanged log costs no
 * request), so nothing local keeps a position that could disagree; records beyond it are checked by
 * the chain rules first, and the first line that breaks the chain (changed, removed, inserted) is
 * not shipped, nor anything after it: the problem is logged and shown on the status endpoint until
 * someone acts — the backend's copy up to there is the evidence.
 */
public final class AuditShipper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditShipper.class);
  static final String CLIENT_ID_FILE = "client-id";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** Well under the backend's 64 KiB body limit with JSON escaping. */
  private static final int MAX_BATCH_CHARS = 40_000;

  /** How far shipping has got: records the backend holds, records waiting, the problem if any. */
  public record Progress(int shipped, int waiting, String problem) {}

  private final Path log;
  private final String clientId;
  private final Function<AuditBatch, AuditReceipt> backend;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-audit"));
  private volatile Progress progress = new Progress(0, 0, null);
  private String reported;

  /** The log's size when the backend last held all of it: nothing to ask while it stays so. */
  private long shippedSize = -1;

  /**
   * @param backend sends one batch ({@code BackendClient::shipAudit}); throws {@link
   *     BackendException} when it cannot
   */
  public AuditShipper(Path dataDir, Function<AuditBatch, AuditReceipt> backend) {
    this.log = new AuditTrail(dataDir).file();
    this.clientId = clientId(dataDir);
    this.backend = backend;
  }

  /** Ships now and then every {@code periodSeconds}. */
  public void start(long periodSeconds) {
    thread.scheduleWithFixedDelay(this::shipQuietly, 0, periodSeconds, TimeUnit.SECONDS);
  }

  /** Ships soon (the backend is back). */
  public void kick() {
    thread.execute(this::shipQuietly);
  }

  public Progress progress() {
    return progress;
  }

  public String clientId() {
    return clientId;
  }

  private void shipQuietly() {
    try {
      ship();
    } catch (BackendException e) {
      // Offline or refused: the records stay in the log; the next round tries again.
      LOG.debug("audit: not shipped now: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("audit: shipping failed", e);
    }
  }

  /** One round: ask where the backend's copy ends, check what follows, send it. */
  synchronized void ship() {
    long size = sizeOfLog();
    if (size == shippedSize) {
      return; // appended to only: a grown log has a new size
    }
    List<String> lines = readLog();
    AuditReceipt held = backend.apply(new AuditBatch(clientId, List.of()));
    int from = held.records();
    if (from > lines.size() || !held.lastHash().equals(hashBefore(lines, from))) {
      report(
          new Progress(
              from,
              0,
              "the backend's copy of the audit log ("
                  + from
                  + " records) is not the start of "
                  + log
                  + " ("
                  + lines.size()
                  + " records): the local log was replaced or cut; keep both as evidence"));
      return;
    }
    List<String> next = lines.subList(from, lines.size());
    AuditChain.Check check = AuditChain.check(held.lastHash(), next);
    List<String> sound = next.subList(0, check.records());
    int shipped = from;
    int i = 0;
    while (i < sound.size()) {
      int end = i;
      int chars = 0;
      while (end < sound.size()
          && end - i < AuditBatch.MAX_RECORDS
          && (end == i || chars + sound.get(end).length() < MAX_BATCH_CHARS)) {
        chars += sound.get(end).length();
        end++;
      }
      shipped = backend.apply(new AuditBatch(clientId, sound.subList(i, end))).records();
      i = end;
      progress = new Progress(shipped, lines.size() - shipped, null);
    }
    if (check.intact() && shipped == lines.size()) {
      shippedSize = size;
    }
    report(
        new Progress(
            shipped,
            lines.size() - shipped,
            check.intact()
                ? null
                : "audit log "
                    + log
                    + " line "
                    + (from + check.brokenAt())
                    + ": "
                    + check.problem()
                    + " — it and the lines after it are not shipped; the backend holds the log"
                    + " up to line "
                    + shipped
                    + ". Keep the file as evidence and tell the security officer"));
  }

  private void report(Progress now) {
    progress = now;
    if (now.problem() != null && !now.problem().equals(reported)) {
      LOG.error("audit: {}", now.problem());
    }
    reported = now.problem();
  }

  private static String hashBefore(List<String> lines, int index) {
    return index == 0 ? AuditChain.GENESIS : AuditChain.hashOf(lines.get(index - 1));
  }

  private long sizeOfLog() {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + log, e);
    }
  }

  /** The log's complete lines (a line still being written has no newline yet). */
  private List<String> readLog() {
    if (!Files.exists(log)) {
      return List.of();
    }
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + log, e);
    }
  }

  /** This installation's id, made once and kept beside the log. */
  private static String clientId(Path dataDir) {
    Path file = dataDir.resolve(CLIENT_ID_FILE);
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!CLIENT_ID.matcher(id).matches()) {
          throw new IllegalStateException(
              file
                  + " does not hold a client id (letters, digits, '-'); delete it to get a new one");
        }
        return id;
      }
      Files.createDirectories(dataDir);
      String id = UUID.randomUUID().toString();
      Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the client id in " + file, e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
