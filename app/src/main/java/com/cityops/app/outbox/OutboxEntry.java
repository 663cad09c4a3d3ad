package com.cityops.app.outbox;

import com.cityops.api.IncidentAction;
import java.time.Instant;

/**
 * One operator action in the outbox: what, for which case, under which idempotency key, and how far
 * it got. An entry is PENDING until the backend confirms (CONFIRMED) or refuses it (REJECTED, with
 * the server's reason).
 */
public record OutboxEntry(
    String key,
    String incidentId,
    IncidentAction action,
    Instant queuedAt,
    State state,
    int attempts,
    String reason) {

  /** How far an action got. */
  public enum State {
    PENDING,
    CONFIRMED,
    REJECTED
  }

  OutboxEntry attempted(String why) {
    return new OutboxEntry(key, incidentId, action, queuedAt, State.PENDING, attempts + 1, why);
  }

  OutboxEntry confirmed() {
    return new OutboxEntry(key, incidentId, action, queuedAt, State.CONFIRMED, attempts + 1, null);
  }

  OutboxEntry rejected(String why) {
    return new OutboxEntry(key, incidentId, action, queuedAt, State.REJECTED, attempts + 1, why);
  }
}
