package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.StatusTransition;
import com.cityops.app.state.CityState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeCandidatesTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  // One metre of latitude is about 0.000009°.
  static final double METRE = 1 / 111_195.0;

  static Incident at(
      String id, String category, double northM, Duration later, IncidentStatus status) {
    return new Incident(
        id,
        "PT-" + id,
        1,
        category + " " + id,
        category,
        "",
        IncidentLevel.IV,
        IncidentSource.HOTLINE_12345,
        new Location(121.40, 31.25 + northM * METRE, "普陀区", "310107", "310107001", "g1"),
        status,
        List.of(new StatusTransition(status, T0.plus(later), "test", "")),
        ResponsibleLevel.STREET,
        List.of(),
        T0.plus(later),
        T0.plusSeconds(300),
        T0.plusSeconds(7200),
        false,
        null,
        null);
  }

  @Test
  void suggestsOpenCasesOfTheSameCategoryNearbyAndCloseInTimeNearestFirst() {
    Incident subject = at("a", "道路积水", 0, Duration.ZERO, IncidentStatus.DISCOVERED);
    List<Incident> others =
        List.of(
            subject,
            at("far", "道路积水", 260, Duration.ofMinutes(2), IncidentStatus.DISCOVERED),
            at("near", "道路积水", 40, Duration.ofMinutes(5), IncidentStatus.REGISTERED),
            at("nearer", "道路积水", 15, Duration.ofMinutes(-20), IncidentStatus.HANDLING),
            at("other-kind", "违停", 10, Duration.ofMinutes(1), IncidentStatus.DISCOVERED),
            at("too-late", "道路积水", 10, Duration.ofMinutes(31), IncidentStatus.DISCOVERED),
            at("closed", "道路积水", 10, Duration.ofMinutes(1), IncidentStatus.CLOSED));

    List<MergeCandidates.Candidate> found = MergeCandidates.of(subject, others);

    assertThat(found).extracting(c -> c.incident().id()).containsExactly("nearer", "near");
    assertThat(found.get(0).metres()).isBetween(14.0, 16.0);
  }

  @Test
  void findsTheCandidatesAmongTheHeldCases() {
    CityState state = new CityState();
    Incident subject = at("a", "道路积水", 0, Duration.ZERO, IncidentStatus.DISCOVERED);
    state.replaceAll(
        com.cityops.app.Fixtures.snapshot(
            1,
            subject,
            at("dup", "道路积水", 150, Duration.ofMinutes(10), IncidentStatus.DISCOVERED),
            at("beyond", "道路积水", 205, Duration.ofMinutes(10), IncidentStatus.DISCOVERED)));

    assertThat(MergeCandidates.in(state, subject))
        .extracting(c -> c.incident().id())
        .containsExactly("dup");
  }
}
