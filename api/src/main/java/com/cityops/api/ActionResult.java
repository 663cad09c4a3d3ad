package com.cityops.api;

/**
 * Answer to an accepted action: the case after it, and the stream seq at which the change was
 * published. A retry with the same {@code Idempotency-Key} gets the same answer.
 */
public record ActionResult(
    String idempotencyKey, String incidentId, ActionType type, long seq, Incident incident) {}
