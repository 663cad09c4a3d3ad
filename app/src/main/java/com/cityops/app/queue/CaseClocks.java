package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.StatusTransition;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which of a case's three clocks runs, judged from its stage and timeline, and what follows when it
 * runs out: the case counts as overdue here and is shown escalated to the next responsible tier.
 *
 * <ul>
 *   <li>发现: respond, from the report, {@link GradeLimits#respond()}.
 *   <li>立案: dispatch, from the report, until the case's dispatch deadline (else the grade's limit).
 *   <li>派单, 处置: handle, from the dispatch, until the case's resolve deadline (else the limit).
 *   <li>反馈, 核查, 结案: no clock (the handling is done; verification is not timed here).
 * </ul>
 *
 * <p>Immutable, thread-safe.
 */
public final class CaseClocks {
  private final Map<IncidentLevel, GradeLimits> limits;

  public CaseClocks(Map<IncidentLevel, GradeLimits> limits) {
    for (IncidentLevel level : IncidentLevel.values()) {
      if (!limits.containsKey(level)) {
        throw new IllegalArgumentException("clock limits miss grade " + level.roman());
      }
    }
    this.limits = Map.copyOf(new EnumMap<>(limits));
  }

  public static CaseClocks defaults() {
    return new CaseClocks(GradeLimits.DEFAULTS);
  }

  public GradeLimits limits(IncidentLevel level) {
    return limits.get(level);
  }

  /** The clock running for this case, or null when none does. */
  public RunningClock running(Incident incident) {
    GradeLimits grade = limits.get(incident.level());
    Instant reported = incident.reportedAt();
    return switch (incident.status()) {
      case DISCOVERED ->
          new RunningClock(RunningClock.Kind.RESPOND, reported, reported.plus(grade.respond()));
      case REGISTERED ->
          new RunningClock(
              RunningClock.Kind.DISPATCH,
              reported,
              incident.dispatchDeadline() != null
                  ? incident.dispatchDeadline()
                  : reported.plus(grade.dispatch()));
      case DISPATCHED, HANDLING -> {
        Instant dispatched = enteredAt(incident, IncidentStatus.DISPATCHED, reported);
        yield new RunningClock(
            RunningClock.Kind.HANDLE,
            dispatched,
            incident.resolveDeadline() != null
                ? incident.resolveDeadline()
                : dispatched.plus(grade.handle()));
      }
      case FEEDBACK, VERIFYING, CLOSED -> null;
    };
  }

  /** Overdue as the backend says, or because its running clock ran out by {@code now}. */
  public boolean overdue(Incident incident, Instant now) {
    if (incident.overdue()) {
      return true;
    }
    RunningClock clock = running(incident);
    return clock != null && now != null && clock.runOut(now);
  }

  /**
   * The tier that owns the case at {@code now}: the case's own, one tier up once a clock ran out
   * (街镇 → 部门分中心 → 市级中心), as the three-level platform escalates an unmet deadline.
   */
  public ResponsibleLevel tier(Incident incident, Instant now) {
    ResponsibleLevel own =
        incident.responsibleLevel() != null
            ? incident.responsibleLevel()
            : incident.level().responsibleLevel();
    return overdue(incident, now) ? escalated(own) : own;
  }

  /** Whether {@link #tier} is above the case's own tier. */
  public boolean escalated(Incident incident, Instant now) {
    ResponsibleLevel own =
        incident.responsibleLevel() != null
            ? incident.responsibleLevel()
            : incident.level().responsibleLevel();
    return own != ResponsibleLevel.CITY && overdue(incident, now);
  }

  static ResponsibleLevel escalated(ResponsibleLevel level) {
    return switch (level) {
      case STREET -> ResponsibleLevel.DEPARTMENT;
      case DEPARTMENT, CITY -> ResponsibleLevel.CITY;
    };
  }

  /** When the case last entered {@code status}, from its timeline; {@code fallback} if never. */
  private static Instant enteredAt(Incident incident, IncidentStatus status, Instant fallback) {
    Instant at = null;
    for (StatusTransition t : incident.timeline()) {
      if (t.status() == status && t.at() != null) {
        at = t.at();
      }
    }
    return at != null ? at : fallback;
  }
}
