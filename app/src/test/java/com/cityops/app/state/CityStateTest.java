package com.cityops.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CityStateTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  private final CityState state = new CityState();

  private static StreamEnvelope upsert(long seq, Incident incident) {
    return new StreamEnvelope(seq, T0, StreamEventType.INCIDENT_UPSERT, incident);
  }

  @Test
  void ignoresAnIncidentVersionNotNewerThanTheOneHeld() {
    state.replaceAll(Fixtures.snapshot(10));
    state.apply(upsert(11, Fixtures.incident("a", 3, IncidentStatus.DISPATCHED, IncidentLevel.IV)));
    state.apply(upsert(12, Fixtures.incident("a", 2, IncidentStatus.REGISTERED, IncidentLevel.IV)));
    assertThat(state.incidents()).singleElement().extracting(Incident::version).isEqualTo(3L);
    assertThat(state.seq()).isEqualTo(12);
  }

  @Test
  void keepsTheNewestSceneOfEachWallAndRefusesAnImpossibleOne() {
    state.replaceAll(Fixtures.snapshot(10));
    var view = new com.cityops.api.WallPanelView("normal/0", 121.47, 31.23, 11);
    var first =
        new com.cityops.api.WallScene(
            "hall", OperatingMode.NORMAL, null, false, List.of(view), List.of(), T0);
    var second =
        new com.cityops.api.WallScene(
            "hall", OperatingMode.EMERGENCY, "inc-1", true, List.of(view), List.of(), T0);
    state.apply(new StreamEnvelope(11, T0, StreamEventType.WALL_SCENE, first));
    state.apply(new StreamEnvelope(12, T0, StreamEventType.WALL_SCENE, second));
    assertThat(state.wallScene("hall")).isEqualTo(second);
    assertThat(state.snapshot().walls()).containsExactly(second);
    var lost = new com.cityops.api.WallPanelView("normal/0", 121.47, Double.NaN, 11);
    state.apply(
        new StreamEnvelope(
            13,
            T0,
            StreamEventType.WALL_SCENE,
            new com.cityops.api.WallScene(
                "hall", OperatingMode.NORMAL, null, false, List.of(lost), List.of(), T0)));
    assertThat(state.wallScene("hall")).isEqualTo(second);
    assertThat(state.seq()).isEqualTo(13);
    state.replaceAll(Fixtures.snapshot(20)); // a new snapshot brings its own walls (none)
    assertThat(state.wallScene("hall")).isNull();
  }

  @Test
  void summaryCountsOpenCasesByLevelAndStage() {
    state.replaceAll(
        Fixtures.snapshot(
            1,
            Fixtures.incident("a", 1, IncidentStatus.HANDLING, IncidentLevel.II),
            Fixtures.incident("b", 1, IncidentStatus.CLOSED, IncidentLevel.IV),
            Fixtures.incident("c", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV)));
    CitySummary summary = state.summary();
    assertThat(summary.open()).isEqualTo(2);
    assertThat(summary.openByLevel())
        .containsEntry(IncidentLevel.II, 1)
        .containsEntry(IncidentLevel.IV, 1);
    assertThat(summary.byStatus()).containsEntry(IncidentStatus.CLOSED, 1);
    assertThat(summary.newestOpen()).extracting(Incident::id).containsExactly("a", "c");
  }

  @Test
  void tellsListenersAfterEveryChange() {
    AtomicInteger calls = new AtomicInteger();
    state.onChange(calls::incrementAndGet);
    state.replaceAll(Fixtures.snapshot(1));
    state.apply(upsert(2, Fixtures.incident("a", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV)));
    assertThat(calls).hasValue(2);
  }

  @Test
  void letsGoOfCasesClosedLongerThanTheRetentionAgo() {
    Incident closedEarly = Fixtures.incident("old", 1, IncidentStatus.CLOSED, IncidentLevel.IV);
    Incident open = Fixtures.incident("open", 1, IncidentStatus.HANDLING, IncidentLevel.IV);
    state.replaceAll(Fixtures.snapshot(1, closedEarly, open));
    Instant later = T0.plus(CityState.CLOSED_RETENTION).plusSeconds(120);
    state.apply(
        new StreamEnvelope(
            2,
            later,
            StreamEventType.INCIDENT_UPSERT,
            Fixtures.incident("new", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV)));
    assertThat(state.incidents()).extracting(Incident::id).containsExactlyInAnyOrder("open", "new");
  }

  @Test
  void refusesImpossibleValuesWithoutLosingWhatIsHeld() {
    state.replaceAll(
        Fixtures.snapshot(1, Fixtures.incident("a", 2, IncidentStatus.HANDLING, IncidentLevel.IV)));
    Incident negative = Fixtures.incident("a", -3, IncidentStatus.CLOSED, IncidentLevel.IV);
    state.apply(upsert(2, negative));
    state.apply(
        new StreamEnvelope(
            3,
            T0,
            StreamEventType.INDICATOR_SAMPLE,
            new com.cityops.api.IndicatorUpdate("x", T0, Double.NaN, null)));
    assertThat(state.incident("a").version()).isEqualTo(2);
    assertThat(state.seq()).isEqualTo(3);
    assertThat(state.inputProblems()).isEqualTo(new InputProblems(0, 0, 2));
  }

  @Test
  void answersQueriesFromTheIndexes() {
    state.replaceAll(
        Fixtures.snapshot(
            1,
            Fixtures.incident("a", 1, IncidentStatus.HANDLING, IncidentLevel.II),
            Fixtures.incident("b", 1, IncidentStatus.CLOSED, IncidentLevel.IV)));
    assertThat(state.query(IncidentQuery.open().withDistricts(java.util.Set.of("310107"))))
        .extracting(Incident::id)
        .containsExactly("a");
    assertThat(state.query(IncidentQuery.all().matching("真如")))
        .extracting(Incident::id)
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void keepsDeviceTotalsAsDevicesChange() {
    var where = new com.cityops.api.Location(121.4, 31.25, "普陀区", "310107", null, null);
    java.util.function.BiFunction<String, com.cityops.api.DeviceStatus, com.cityops.api.Device>
        device =
            (id, status) ->
                new com.cityops.api.Device(
                    id,
                    com.cityops.api.DeviceType.values()[0],
                    id,
                    where,
                    status,
                    null,
                    status == com.cityops.api.DeviceStatus.FAULT,
                    0);
    state.replaceAll(
        new Snapshot(
            1,
            T0,
            OperatingMode.NORMAL,
            List.of(),
            List.of(),
            List.of(
                device.apply("d1", com.cityops.api.DeviceStatus.ONLINE),
                device.apply("d2", com.cityops.api.DeviceStatus.OFFLINE)),
            List.of()));
    state.apply(
        new StreamEnvelope(
            2,
            T0,
            StreamEventType.DEVICE_STATUS,
            device.apply("d2", com.cityops.api.DeviceStatus.FAULT)));
    state.apply(
        new StreamEnvelope(
            3,
            T0,
            StreamEventType.DEVICE_STATUS,
            device.apply("d3", com.cityops.api.DeviceStatus.OFFLINE)));
    CitySummary summary = state.summary();
    assertThat(summary.deviceCount()).isEqualTo(3);
    assertThat(summary.devicesOffline()).isEqualTo(1);
    assertThat(summary.devicesFault()).isEqualTo(1);
    assertThat(summary.devicesInAlarm()).isEqualTo(1);
  }
}
