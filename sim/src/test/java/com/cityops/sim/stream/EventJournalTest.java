package com.cityops.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.Heartbeat;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  private static List<EventJournal.PendingEvent> events(int n) {
    List<EventJournal.PendingEvent> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          new EventJournal.PendingEvent(
              T0.plusSeconds(i), StreamEventType.HEARTBEAT, new Heartbeat(i, T0)));
    }
    return list;
  }

  @Test
  void continuesTheSequenceAfterAReopenAndReplaysEveryEvent(@TempDir Path dir) {
    try (EventJournal journal = EventJournal.open(dir, 100, UnaryOperator.identity(), e -> {})) {
      assertThat(journal.append(events(5)))
          .extracting(JournalEntry::seq)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
    }
    List<Long> replayed = new ArrayList<>();
    try (EventJournal journal =
        EventJournal.open(dir, 100, UnaryOperator.identity(), e -> replayed.add(e.seq()))) {
      assertThat(replayed).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(journal.append(events(1)).get(0).seq()).isEqualTo(6);
      assertThat(journal.lastTimestamp()).contains(T0);
    }
  }

  @Test
  void servesTheEventsAfterSinceOrRefusesWhenTheyAreGone() {
    try (EventJournal journal = EventJournal.inMemory(10, UnaryOperator.identity())) {
      journal.append(events(25));
      assertThat(journal.after(20))
          .get()
          .asList()
          .extracting(e -> ((JournalEntry) e).seq())
          .containsExactly(21L, 22L, 23L, 24L, 25L);
      assertThat(journal.after(25)).get().asList().isEmpty();
      assertThat(journal.after(14)).as("older than the window").isEmpty();
      assertThat(journal.after(15)).isPresent();
      assertThat(journal.after(26)).as("ahead of the journal").isEmpty();
    }
  }

  @Test
  void toleratesATornLastLineButNotCorruptionInTheMiddle(@TempDir Path dir) throws IOException {
    try (EventJournal journal = EventJournal.open(dir, 100, UnaryOperator.identity(), e -> {})) {
      journal.append(events(3));
    }
    Path file = dir.resolve(EventJournal.FILE_NAME);
    Files.writeString(
        file,
        "{\"seq\":4,\"ts\":\"2026-11-22T02:0",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (EventJournal journal = EventJournal.open(dir, 100, UnaryOperator.identity(), e -> {})) {
      assertThat(journal.headSeq()).isEqualTo(3);
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.add(1, "garbage");
    Files.write(file, lines);
    assertThatThrownBy(() -> EventJournal.open(dir, 100, UnaryOperator.identity(), e -> {}))
        .hasMessageContaining("corrupt at line 2");
  }

  @Test
  void keepsAMaskedVariantOnlyWhenTheMaskerChangesSomething() {
    UnaryOperator<StreamEnvelope> masker =
        e -> new StreamEnvelope(e.seq(), e.ts(), e.type(), new Heartbeat(-1, T0));
    try (EventJournal journal = EventJournal.inMemory(10, masker)) {
      JournalEntry entry = journal.append(events(1)).get(0);
      assertThat(entry.jsonFor(true)).isNotEqualTo(entry.jsonFor(false));
    }
  }
}
