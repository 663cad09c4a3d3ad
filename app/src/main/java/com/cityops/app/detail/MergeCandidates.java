package com.cityops.app.detail;

import com.cityops.api.Incident;
import com.cityops.app.state.CityState;
import com.cityops.app.state.IncidentQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which open cases a case may duplicate: the same category, reported within {@link #WITHIN_TIME} of
 * it and within {@link #WITHIN_M} metres — the same puddle reported by a sensor and by two hotline
 * calls. Nearest first. Pure.
 */
final class MergeCandidates {
  static final double WITHIN_M = 200;
  static final Duration WITHIN_TIME = Duration.ofMinutes(30);

  private MergeCandidates() {}

  /** A possible duplicate and how far it is. */
  record Candidate(Incident incident, double metres) {}

  static List<Candidate> of(Incident subject, List<Incident> others) {
    List<Candidate> found = new ArrayList<>();
    for (Incident other : others) {
      if (other.id().equals(subject.id())
          || !other.status().isOpen()
          || other.mergedInto() != null
          || !other.category().equals(subject.category())) {
        continue;
      }
      Duration apart = Duration.between(subject.reportedAt(), other.reportedAt()).abs();
      if (apart.compareTo(WITHIN_TIME) > 0) {
        continue;
      }
      double m = Distances.metres(subject.location(), other.location());
      if (m <= WITHIN_M) {
        found.add(new Candidate(other, m));
      }
    }
    found.sort(Comparator.comparingDouble(Candidate::metres).thenComparing(c -> c.incident().id()));
    return List.copyOf(found);
  }

  /** The candidates among the held open cases (an indexed box query, then the exact rule). */
  static List<Candidate> in(CityState state, Incident subject) {
    double dLat = Distances.latDegrees(WITHIN_M);
    double dLon = Distances.lonDegrees(WITHIN_M, subject.location().lat());
    double lon = subject.location().lon();
    double lat = subject.location().lat();
    List<Incident> near =
        state.query(
            IncidentQuery.open()
                .within(new IncidentQuery.Bbox(lon - dLon, lat - dLat, lon + dLon, lat + dLat)));
    return of(subject, near);
  }
}
