package com.cityops.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /incidents/{id}/actions}. The idempotency key travels in the {@code
 * Idempotency-Key} header; the fields a type does not use stay null.
 *
 * @param departments for DISPATCH: the departments to send the case to
 * @param deadline for DISPATCH: when handling must be done (defaults to the level's deadline)
 * @param passed for VERIFY: whether the check passed
 * @param targetId for MERGE: the case this one duplicates
 */
public record IncidentAction(
    ActionType type,
    String actor,
    String note,
    @Nullable List<String> departments,
    Instant deadline,
    Boolean passed,
    String targetId) {

  public static IncidentAction of(ActionType type, String note) {
    return new IncidentAction(type, null, note, null, null, null, null);
  }

  public static IncidentAction dispatch(List<String> departments, Instant deadline, String note) {
    return new IncidentAction(ActionType.DISPATCH, null, note, departments, deadline, null, null);
  }

  public static IncidentAction verify(boolean passed, String note) {
    return new IncidentAction(ActionType.VERIFY, null, note, null, null, passed, null);
  }

  public static IncidentAction merge(String targetId, String note) {
    return new IncidentAction(ActionType.MERGE, null, note, null, null, null, targetId);
  }
}
