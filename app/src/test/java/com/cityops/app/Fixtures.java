package com.cityops.app;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.StatusTransition;
import java.time.Instant;
import java.util.List;

/** Contract records for tests. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  private Fixtures() {}

  public static Incident incident(
      String id, long version, IncidentStatus status, IncidentLevel level) {
    return new Incident(
        id,
        "PT-20261122-0001",
        version,
        "真如镇街道积水",
        "道路积水",
        "",
        level,
        IncidentSource.IOT_SENSOR,
        new Location(121.40, 31.25, "普陀区", "310107", "310107001", "310107001001"),
        status,
        List.of(new StatusTransition(status, T0, "test", "")),
        ResponsibleLevel.STREET,
        List.of(),
        T0,
        T0.plusSeconds(300),
        T0.plusSeconds(7200),
        false,
        null,
        null);
  }

  /** A city-wide indicator sampled at {@code ts}, normal. */
  public static com.cityops.api.Indicator indicator(String id, Instant ts) {
    return new com.cityops.api.Indicator(
        id,
        "积水点",
        com.cityops.api.IndicatorDomain.values()[0],
        "处",
        2,
        ts,
        new com.cityops.api.Threshold(5, 10, com.cityops.api.ThresholdDirection.ABOVE),
        com.cityops.api.IndicatorState.NORMAL,
        null,
        List.of());
  }

  /** A snapshot at {@code seq} holding only these cases, in normal mode. */
  public static com.cityops.api.Snapshot snapshot(long seq, Incident... incidents) {
    return new com.cityops.api.Snapshot(
        seq,
        T0,
        com.cityops.api.OperatingMode.NORMAL,
        List.of(incidents),
        List.of(),
        List.of(),
        List.of());
  }
}
