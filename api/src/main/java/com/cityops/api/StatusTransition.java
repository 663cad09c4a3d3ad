package com.cityops.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step of a case's timeline: the status it entered, when, who moved it, and why.
 *
 * @param role the console role of the actor when a signed-in user took the step; null when a
 *     department, a field worker or the platform did (and on records from before roles were kept)
 */
public record StatusTransition(
    IncidentStatus status, Instant at, String actor, String note, @Nullable Role role) {

  /** A step taken by a department, a field worker or the platform (no console role). */
  public StatusTransition(IncidentStatus status, Instant at, String actor, String note) {
    this(status, at, actor, note, null);
  }
}
