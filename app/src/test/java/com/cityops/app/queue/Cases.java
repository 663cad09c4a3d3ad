package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.StatusTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made cases for the queue's tests: explicit times, stages and places. */
final class Cases {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  private Cases() {}

  static Incident of(String id, IncidentLevel level, IncidentStatus status, Instant reported) {
    return of(id, level, status, reported, null, null, "道路积水", IncidentSource.IOT_SENSOR, "310107");
  }

  static Incident of(
      String id,
      IncidentLevel level,
      IncidentStatus status,
      Instant reported,
      Instant dispatchDeadline,
      Instant resolveDeadline,
      String category,
      IncidentSource source,
      String district) {
    List<StatusTransition> timeline = new ArrayList<>();
    timeline.add(new StatusTransition(IncidentStatus.DISCOVERED, reported, "test", ""));
    for (IncidentStatus s : IncidentStatus.values()) {
      if (s.ordinal() > 0 && s.ordinal() <= status.ordinal()) {
        timeline.add(new StatusTransition(s, reported.plusSeconds(60L * s.ordinal()), "test", ""));
      }
    }
    return new Incident(
        id,
        "PT-20261122-" + id,
        1,
        "积水 " + id,
        category,
        "",
        level,
        source,
        new Location(
            121.4,
            31.2,
            "上海市普陀区长寿路街道 长寿路" + id + "号",
            district,
            district + "001",
            district + "001001"),
        status,
        timeline,
        level.responsibleLevel(),
        List.of("城管"),
        reported,
        dispatchDeadline,
        resolveDeadline,
        false,
        null,
        null);
  }
}
