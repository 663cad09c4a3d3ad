package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A change to an incident, built step by step; {@link #done()} yields the next version. Keeps the
 * 19-field record constructor in one place.
 */
final class IncidentEdit {
  private final Incident base;
  private IncidentLevel level;
  private IncidentStatus status;
  private final List<StatusTransition> timeline;
  private ResponsibleLevel responsibleLevel;
  private List<String> departments;
  private Instant resolveDeadline;
  private boolean overdue;
  private String mergedInto;

  private IncidentEdit(Incident base) {
    this.base = base;
    this.level = base.level();
    this.status = base.status();
    this.timeline = new ArrayList<>(base.timeline());
    this.responsibleLevel = base.responsibleLevel();
    this.departments = base.departments();
    this.resolveDeadline = base.resolveDeadline();
    this.overdue = base.overdue();
    this.mergedInto = base.mergedInto();
  }

  static IncidentEdit of(Incident base) {
    return new IncidentEdit(base);
  }

  /** Moves to {@code next}, recording who did it, when and why on the timeline. */
  IncidentEdit moveTo(IncidentStatus next, Instant at, String actor, String note) {
    return moveTo(next, at, actor, null, note);
  }

  /**
   * Moves to {@code next} as a signed-in user of {@code role} (null: a department, the platform).
   */
  IncidentEdit moveTo(IncidentStatus next, Instant at, String actor, Role role, String note) {
    status = next;
    timeline.add(new StatusTransition(next, at, actor, note, role));
    return this;
  }

  /** Records a step that does not change the status (escalation, re-dispatch). */
  IncidentEdit note(Instant at, String actor, String note) {
    return note(at, actor, null, note);
  }

  /** Records a step without a status change as a signed-in user of {@code role}. */
  IncidentEdit note(Instant at, String actor, Role role, String note) {
    timeline.add(new StatusTransition(status, at, actor, note, role));
    return this;
  }

  IncidentEdit level(IncidentLevel newLevel) {
    level = newLevel;
    responsibleLevel = newLevel.responsibleLevel();
    return this;
  }

  IncidentEdit departments(List<String> assigned) {
    departments = List.copyOf(assigned);
    return this;
  }

  IncidentEdit resolveDeadline(Instant deadline) {
    resolveDeadline = deadline;
    return this;
  }

  IncidentEdit overdue(boolean isOverdue) {
    overdue = isOverdue;
    return this;
  }

  IncidentEdit mergedInto(String targetId) {
    mergedInto = targetId;
    return this;
  }

  Incident done() {
    return new Incident(
        base.id(),
        base.code(),
        base.version() + 1,
        base.title(),
        base.category(),
        base.description(),
        level,
        base.source(),
        base.location(),
        status,
        timeline,
        responsibleLevel,
        departments,
        base.reportedAt(),
        base.dispatchDeadline(),
        resolveDeadline,
        overdue,
        base.reporter(),
        mergedInto);
  }
}
