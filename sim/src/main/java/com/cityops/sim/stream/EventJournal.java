package com.cityops.sim.stream;

import com.cityops.api.Json;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The append-only event journal: assigns the strictly increasing stream seq, writes every message
 * to {@code journal.jsonl} (when a data directory is given) and flushes it <em>before</em> anyone
 * may send it, so a restarted server never re-uses a seq a client has already seen. The newest
 * messages stay in memory for resuming clients.
 *
 * <p>Not thread-safe: the owner (the world, under its lock) is the single writer.
 */
public final class EventJournal implements AutoCloseable {
  static final String FILE_NAME = "journal.jsonl";

  private final Path file;
  private final BufferedWriter writer;
  private final int memoryCapacity;
  private final Deque<JournalEntry> recent = new ArrayDeque<>();
  private final UnaryOperator<StreamEnvelope> masker;
  private long headSeq;
  private Instant lastTs;

  private EventJournal(
      Path file, int memoryCapacity, UnaryOperator<StreamEnvelope> masker, long headSeq) {
    this.file = file;
    this.memoryCapacity = memoryCapacity;
    this.masker = masker;
    this.headSeq = headSeq;
    try {
      this.writer =
          file == null
              ? null
              : Files.newBufferedWriter(
                  file,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND,
                  StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the event journal " + file, e);
    }
  }

  /** A journal kept only in memory (no data directory): seq starts at 0 on every start. */
  public static EventJournal inMemory(int memoryCapacity, UnaryOperator<StreamEnvelope> masker) {
    return new EventJournal(null, memoryCapacity, masker, 0);
  }

  /**
   * Opens the journal in {@code dataDir}, replaying every stored message into {@code replay} (which
   * rebuilds the world's state) and into the in-memory window, so seq continues where it stopped.
   */
  public static EventJournal open(
      Path dataDir,
      int memoryCapacity,
      UnaryOperator<StreamEnvelope> masker,
      Consumer<StreamEnvelope> replay) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve(FILE_NAME);
      List<JournalEntry> tail = new ArrayList<>();
      long head = 0;
      Instant last = null;
      if (Files.exists(file)) {
        long lineNo = 0;
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
              continue;
            }
            StreamEnvelope envelope;
            try {
              envelope = Json.readEnvelope(line);
            } catch (Json.MalformedJsonException e) {
              // A torn last line after a crash is expected; anything else is corruption.
              if (lines.ready()) {
                throw new IllegalStateException(
                    "journal " + file + " is corrupt at line " + lineNo + ": " + e.getMessage(), e);
              }
              break;
            }
            if (envelope.seq() <= head) {
              throw new IllegalStateException(
                  "journal "
                      + file
                      + " line "
                      + lineNo
                      + ": seq "
                      + envelope.seq()
                      + " does not follow "
                      + head);
            }
            head = envelope.seq();
            last = envelope.ts();
            replay.accept(envelope);
            tail.add(entryOf(envelope, line, masker));
            if (tail.size() > memoryCapacity * 2) {
              tail.subList(0, tail.size() - memoryCapacity).clear();
            }
          }
        }
      }
      EventJournal journal = new EventJournal(file, memoryCapacity, masker, head);
      journal.lastTs = last;
      int from = Math.max(0, tail.size() - memoryCapacity);
      journal.recent.addAll(tail.subList(from, tail.size()));
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the event journal in " + dataDir, e);
    }
  }

  /** Journals the events in order and returns them with their seq; durable on return. */
  public List<JournalEntry> append(List<PendingEvent> events) {
    List<JournalEntry> entries = new ArrayList<>(events.size());
    for (PendingEvent event : events) {
      StreamEnvelope envelope =
          new StreamEnvelope(++headSeq, event.ts(), event.type(), event.payload());
      String json = Json.write(envelope);
      JournalEntry entry = entryOf(envelope, json, masker);
      entries.add(entry);
      lastTs = event.ts();
      writeLine(json);
      recent.addLast(entry);
      if (recent.size() > memoryCapacity) {
        recent.removeFirst();
      }
    }
    flush();
    return entries;
  }

  private static JournalEntry entryOf(
      StreamEnvelope envelope, String json, UnaryOperator<StreamEnvelope> masker) {
    StreamEnvelope masked = masker.apply(envelope);
    String maskedJson = masked == envelope ? null : Json.write(masked);
    return new JournalEntry(envelope.seq(), envelope.type(), json, maskedJson);
  }

  private void writeLine(String json) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(json);
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the event journal " + file, e);
    }
  }

  private void flush() {
    if (writer == null) {
      return;
    }
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the event journal " + file, e);
    }
  }

  /** The seq of the newest message (0 when there is none). */
  public long headSeq() {
    return headSeq;
  }

  /** City time of the newest message, if any: a restarted simulation continues from it. */
  public Optional<Instant> lastTimestamp() {
    return Optional.ofNullable(lastTs);
  }

  /**
   * The messages after {@code since}, or empty when they are no longer all in memory (or since is
   * ahead of the journal): the client must take a new snapshot.
   */
  public Optional<List<JournalEntry>> after(long since) {
    if (since > headSeq || since < 0) {
      return Optional.empty();
    }
    if (since == headSeq) {
      return Optional.of(List.of());
    }
    long oldest = recent.isEmpty() ? headSeq + 1 : recent.peekFirst().seq();
    if (since + 1 < oldest) {
      return Optional.empty();
    }
    List<JournalEntry> out = new ArrayList<>((int) (headSeq - since));
    for (var it = recent.descendingIterator(); it.hasNext(); ) {
      JournalEntry entry = it.next();
      if (entry.seq() <= since) {
        break;
      }
      out.add(entry);
    }
    java.util.Collections.reverse(out);
    return Optional.of(out);
  }

  /** The oldest seq a client can still resume after. */
  public long oldestResumableSeq() {
    return recent.isEmpty() ? headSeq : recent.peekFirst().seq() - 1;
  }

  @Override
  public void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the event journal " + file, e);
      }
    }
  }

  /** An event the world wants published; the journal gives it its seq. */
  public record PendingEvent(Instant ts, StreamEventType type, Object payload) {}
}
