package com.cityops.api;

import java.time.Instant;

/** Payload of {@code heartbeat}: the server is alive, at this seq, and its clock reads this. */
public record Heartbeat(long seq, Instant serverTime) {}
