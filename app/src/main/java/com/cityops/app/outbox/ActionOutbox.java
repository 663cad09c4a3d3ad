package com.cityops.app.outbox;

import com.cityops.api.IncidentAction;
import com.cityops.api.Json;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.BackendException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator actions on their way to the backend. Each gets an idempotency key and is written to disk
 * <em>before</em> the first send, so it survives reconnects and restarts; pending actions are sent
 * in order and retried with backoff until the backend confirms them (the key makes a repeat
 * harmless). A refusal (illegal transition, forbidden, unknown case) is final: kept with the
 * server's reason, never retried blindly.
 *
 * <p>Thread-safe. Sending runs on the owned {@code cityops-outbox} thread.
 */
public final class ActionOutbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActionOutbox.class);
  private static final String FILE = "outbox.json";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final int KEEP_FINISHED = 200;

  private final Path file;
  private final BackendClient client;
  private final Clock clock;
  private final List<OutboxEntry> entries = new ArrayList<>();
  private final List<Consumer<List<OutboxEntry>>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-outbox"));
  private int failures;
  private boolean scheduled;

  /**
   * Opens the outbox in {@code dataDir}, taking up whatever was pending when the app last stopped.
   */
  public ActionOutbox(Path dataDir, BackendClient client, Clock clock) {
    this.file = dataDir.resolve(FILE);
    this.client = client;
    this.clock = clock;
    entries.addAll(load(file));
    long pending = entries.stream().filter(e -> e.state() == OutboxEntry.State.PENDING).count();
    if (pending > 0) {
      LOG.info("{} action(s) still pending from the last run; sending them", pending);
      kick();
    }
  }

  /** Queues an action; it is on disk when this returns. */
  public OutboxEntry submit(String incidentId, IncidentAction action) {
    OutboxEntry entry =
        new OutboxEntry(
            UUID.randomUUID().toString(),
            incidentId,
            action,
            clock.instant(),
            OutboxEntry.State.PENDING,
            0,
            null);
    synchronized (entries) {
      entries.add(entry);
      persist();
    }
    changed();
    kick();
    return entry;
  }

  public List<OutboxEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  public long pendingCount() {
    return entries().stream().filter(e -> e.state() == OutboxEntry.State.PENDING).count();
  }

  /** Called (on the outbox thread) with all entries after every change. */
  public void onChange(Consumer<List<OutboxEntry>> listener) {
    listeners.add(listener);
  }

  /** Try now (e.g. the feed came back); otherwise retries follow the backoff. */
  public void kick() {
    synchronized (entries) {
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    sender.execute(this::drainSafely);
  }

  /** The executor would swallow an exception; log it and keep the retry loop alive instead. */
  private void drainSafely() {
    try {
      drain();
    } catch (RuntimeException e) {
      LOG.error("sending queued actions failed; retrying in {} s", MAX_BACKOFF.toSeconds(), e);
      sender.schedule(this::drainSafely, MAX_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void drain() {
    synchronized (entries) {
      scheduled = false;
    }
    for (OutboxEntry entry : entries()) {
      if (entry.state() != OutboxEntry.State.PENDING) {
        continue;
      }
      if (!send(entry)) {
        long delay = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures++, 10));
        synchronized (entries) {
          scheduled = true;
        }
        sender.schedule(this::drainSafely, delay, TimeUnit.MILLISECONDS);
        return; // keep the order: later actions wait for earlier ones
      }
    }
    failures = 0;
  }

  /** Sends one entry; false when it must be retried later. */
  private boolean send(OutboxEntry entry) {
    try {
      client.act(entry.incidentId(), entry.action(), entry.key());
      replace(entry, entry.confirmed());
      return true;
    } catch (BackendException e) {
      if (isFinal(e.status())) {
        LOG.warn(
            "action {} on {} refused: {}",
            entry.action().type(),
            entry.incidentId(),
            e.getMessage());
        replace(entry, entry.rejected(e.getMessage()));
        return true;
      }
      replace(entry, entry.attempted(e.getMessage()));
      return false;
    }
  }

  /**
   * 4xx answers other than 401 (sign in again), 408 and 429 (try later) are the backend's final
   * word.
   */
  static boolean isFinal(int status) {
    return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
  }

  private void replace(OutboxEntry before, OutboxEntry after) {
    synchronized (entries) {
      int i = entries.indexOf(before);
      if (i >= 0) {
        entries.set(i, after);
      }
      trimFinished();
      persist();
    }
    changed();
  }

  private void trimFinished() {
    long finished = entries.stream().filter(e -> e.state() != OutboxEntry.State.PENDING).count();
    for (var it = entries.iterator(); it.hasNext() && finished > KEEP_FINISHED; ) {
      if (it.next().state() != OutboxEntry.State.PENDING) {
        it.remove();
        finished--;
      }
    }
  }

  private void changed() {
    List<OutboxEntry> now = entries();
    listeners.forEach(l -> l.accept(now));
  }

  private void persist() {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(temp, Json.write(entries), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // An action that cannot be kept must not look kept: fail loud to the caller.
      throw new UncheckedIOException(
          "cannot save the action outbox " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<OutboxEntry> load(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Json.mapper()
          .readValue(
              Files.readString(file, StandardCharsets.UTF_8),
              new TypeReference<List<OutboxEntry>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(
          "the action outbox "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "); move it aside to start without the actions it holds",
          e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
