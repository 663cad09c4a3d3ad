package com.cityops.app.queue;

import static com.cityops.app.queue.Cases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.state.CityState;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue's computation, run on the test thread against a real city state. */
class QueueWorkerTest {
  private final CityState state = new CityState();
  private final QueueWorker worker =
      new QueueWorker(
          state, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC), CaseClocks.defaults(), () -> {});

  @AfterEach
  void close() {
    worker.close();
  }

  private void load(Incident... incidents) {
    state.replaceAll(
        new Snapshot(
            1, T0, OperatingMode.NORMAL, List.of(incidents), List.of(), List.of(), List.of()));
  }

  private List<String> ids(QueueFilter filter, QueueOrder order) {
    return worker.compute(new QueueResult.Criteria(filter, order)).rows().stream()
        .map(Incident::id)
        .toList();
  }

  @Test
  void sortsByGradeThenTheNearestDeadline() {
    load(
        Cases.of("iv-soon", IncidentLevel.IV, IncidentStatus.DISCOVERED, T0),
        Cases.of("i-late", IncidentLevel.I, IncidentStatus.HANDLING, T0),
        Cases.of("i-soon", IncidentLevel.I, IncidentStatus.DISCOVERED, T0),
        Cases.of("ii", IncidentLevel.II, IncidentStatus.REGISTERED, T0),
        Cases.of("i-none", IncidentLevel.I, IncidentStatus.FEEDBACK, T0),
        Cases.of("closed", IncidentLevel.I, IncidentStatus.CLOSED, T0));
    assertThat(ids(QueueFilter.NONE, QueueOrder.DEFAULT))
        .containsExactly("i-soon", "i-late", "i-none", "ii", "iv-soon");
  }

  @Test
  void sortsByAColumnBothWays() {
    load(
        Cases.of("b", IncidentLevel.IV, IncidentStatus.DISCOVERED, T0),
        Cases.of("a", IncidentLevel.I, IncidentStatus.DISCOVERED, T0.plusSeconds(5)),
        Cases.of("c", IncidentLevel.II, IncidentStatus.DISCOVERED, T0.minusSeconds(5)));
    var code = new QueueOrder(QueueOrder.Key.CODE, true);
    assertThat(ids(QueueFilter.NONE, code)).containsExactly("a", "b", "c");
    var reportedDown = new QueueOrder(QueueOrder.Key.REPORTED, false);
    assertThat(ids(QueueFilter.NONE, reportedDown)).containsExactly("a", "b", "c");
  }

  @Test
  void filtersNarrowTheQueueAndTheHeaderCountsEveryStage() {
    load(
        Cases.of(
            "a",
            IncidentLevel.I,
            IncidentStatus.DISCOVERED,
            T0,
            null,
            null,
            "道路积水",
            IncidentSource.IOT_SENSOR,
            "310107"),
        Cases.of(
            "b",
            IncidentLevel.III,
            IncidentStatus.HANDLING,
            T0,
            null,
            null,
            "市容环境",
            IncidentSource.HOTLINE_12345,
            "310107"),
        Cases.of(
            "c",
            IncidentLevel.III,
            IncidentStatus.DISCOVERED,
            T0,
            null,
            null,
            "市容环境",
            IncidentSource.GRID_PATROL,
            "310104"));
    assertThat(ids(QueueFilter.NONE.withLevels(Set.of(IncidentLevel.III)), QueueOrder.DEFAULT))
        .containsExactlyInAnyOrder("b", "c");
    assertThat(ids(QueueFilter.NONE.withCategories(Set.of("市容环境")), QueueOrder.DEFAULT))
        .containsExactlyInAnyOrder("b", "c");
    assertThat(
            ids(
                QueueFilter.NONE.withSources(Set.of(IncidentSource.GRID_PATROL)),
                QueueOrder.DEFAULT))
        .containsExactly("c");
    assertThat(ids(QueueFilter.NONE.withDistrict("310104"), QueueOrder.DEFAULT))
        .containsExactly("c");
    assertThat(ids(QueueFilter.NONE.withText("PT-20261122-b"), QueueOrder.DEFAULT))
        .containsExactly("b");
    assertThat(
            ids(
                QueueFilter.NONE.withScope(
                    new AreaScope(AreaScope.Level.STREET, "310104001", "某街道")),
                QueueOrder.DEFAULT))
        .containsExactly("c");

    QueueResult handling =
        worker.compute(
            new QueueResult.Criteria(
                QueueFilter.NONE.withStatuses(Set.of(IncidentStatus.HANDLING)),
                QueueOrder.DEFAULT));
    assertThat(handling.rows()).extracting(Incident::id).containsExactly("b");
    assertThat(handling.byStatus())
        .containsEntry(IncidentStatus.DISCOVERED, 2)
        .containsEntry(IncidentStatus.HANDLING, 1);
    assertThat(handling.districts()).containsEntry("310107", "普陀区");
    assertThat(handling.streets()).containsEntry("310107001", "长寿路街道");
  }

  @Test
  void overdueOnlyKeepsRunOutClocksAndBackendOverdue() {
    // The worker's clock reads T0 + 10 s: a Ⅰ case reported 40 s before ran out of its 30 s.
    load(
        Cases.of("ran-out", IncidentLevel.I, IncidentStatus.DISCOVERED, T0.minusSeconds(30)),
        Cases.of("flagged", IncidentLevel.III, IncidentStatus.FEEDBACK, T0).withOverdue(true, 2),
        Cases.of("fine", IncidentLevel.I, IncidentStatus.DISCOVERED, T0));
    QueueResult r =
        worker.compute(
            new QueueResult.Criteria(QueueFilter.NONE.withOverdueOnly(true), QueueOrder.DEFAULT));
    assertThat(r.rows()).extracting(Incident::id).containsExactlyInAnyOrder("ran-out", "flagged");
    assertThat(r.overdue()).isEqualTo(2);
  }

  @Test
  void newMeansFirstSeenAfterTheFirstFullLoad() {
    load(Cases.of("old", IncidentLevel.I, IncidentStatus.DISCOVERED, T0));
    QueueResult first =
        worker.compute(new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT));
    assertThat(first.fresh()).isEmpty();
    assertThat(first.announce()).isEmpty();

    state.apply(envelope(2, Cases.of("new-ii", IncidentLevel.II, IncidentStatus.DISCOVERED, T0)));
    state.apply(envelope(3, Cases.of("new-iv", IncidentLevel.IV, IncidentStatus.DISCOVERED, T0)));
    QueueResult second =
        worker.compute(new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT));
    assertThat(second.fresh()).containsExactlyInAnyOrder("new-ii", "new-iv");
    assertThat(second.announce()).extracting(Incident::id).containsExactly("new-ii");

    QueueResult third =
        worker.compute(new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT));
    assertThat(third.fresh()).isEmpty();
    assertThat(third.announce()).isEmpty();
  }

  @Test
  void aCaseRaisedToGradeTwoIsAnnounced() {
    Incident iii = Cases.of("x", IncidentLevel.III, IncidentStatus.DISCOVERED, T0);
    load(iii);
    worker.compute(new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT));
    Incident raised = Cases.of("x", IncidentLevel.II, IncidentStatus.DISCOVERED, T0);
    state.apply(
        envelope(
            2,
            new Incident(
                raised.id(),
                raised.code(),
                2,
                raised.title(),
                raised.category(),
                "",
                raised.level(),
                raised.source(),
                raised.location(),
                raised.status(),
                raised.timeline(),
                raised.responsibleLevel(),
                raised.departments(),
                raised.reportedAt(),
                null,
                null,
                false,
                null,
                null)));
    QueueResult r = worker.compute(new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT));
    assertThat(r.announce()).extracting(Incident::id).containsExactly("x");
    assertThat(r.fresh()).isEmpty();
  }

  private static StreamEnvelope envelope(long seq, Incident incident) {
    return new StreamEnvelope(seq, T0, StreamEventType.INCIDENT_UPSERT, incident);
  }
}
