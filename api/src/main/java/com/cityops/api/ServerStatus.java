package com.cityops.api;

import java.time.Instant;

/**
 * {@code GET /health} (no sign-in needed): the server is up, at this seq; the simulated city clock
 * and scenario are shown when the server is the reference simulator.
 */
public record ServerStatus(
    String status,
    String version,
    long seq,
    Instant serverTime,
    Instant cityTime,
    String scenario,
    OperatingMode mode) {}
