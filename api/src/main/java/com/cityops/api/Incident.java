package com.cityops.api;

import java.time.Instant;
import java.util.List;

/**
 * A case (事件) as the backend holds it. {@code version} grows with every change, so a client can
 * apply upserts idempotently: an upsert whose version is not newer than what it holds is a
 * duplicate.
 *
 * @param code the human code operators read out, e.g. {@code PT-20261122-0042}
 * @param timeline every status transition with its time and actor, oldest first
 * @param mergedInto the id of the case this one was merged into, or null
 */
public record Incident(
    String id,
    String code,
    long version,
    String title,
    String category,
    String description,
    IncidentLevel level,
    IncidentSource source,
    Location location,
    IncidentStatus status,
    List<StatusTransition> timeline,
    ResponsibleLevel responsibleLevel,
    List<String> departments,
    Instant reportedAt,
    Instant dispatchDeadline,
    Instant resolveDeadline,
    boolean overdue,
    ReporterContact reporter,
    String mergedInto) {

  public Incident {
    timeline = List.copyOf(timeline);
    departments = List.copyOf(departments);
  }

  /** This case with its overdue flag set, as version {@code newVersion}. */
  public Incident withOverdue(boolean isOverdue, long newVersion) {
    return new Incident(
        id,
        code,
        newVersion,
        title,
        category,
        description,
        level,
        source,
        location,
        status,
        timeline,
        responsibleLevel,
        departments,
        reportedAt,
        dispatchDeadline,
        resolveDeadline,
        isOverdue,
        reporter,
        mergedInto);
  }

  /** The same version of this case with another reporter contact (e.g. masked for a role). */
  public Incident withReporter(ReporterContact contact) {
    return new Incident(
        id,
        code,
        version,
        title,
        category,
        description,
        level,
        source,
        location,
        status,
        timeline,
        responsibleLevel,
        departments,
        reportedAt,
        dispatchDeadline,
        resolveDeadline,
        overdue,
        contact,
        mergedInto);
  }
}
