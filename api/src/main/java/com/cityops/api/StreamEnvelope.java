package com.cityops.api;

import java.time.Instant;

/**
 * One message of the stream {@code /api/v1/stream}: {@code seq} is strictly increasing over the
 * server's whole life (it survives restarts), so a client resumes with {@code ?since=seq}.
 * Heartbeats carry the current seq but do not consume one: their seq repeats the last event's.
 */
public record StreamEnvelope(long seq, Instant ts, StreamEventType type, Object payload) {}
