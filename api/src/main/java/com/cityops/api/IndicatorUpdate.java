package com.cityops.api;

import java.time.Instant;

/**
 * Payload of {@code indicator.sample}: one new value of one indicator and the state it puts it in.
 */
public record IndicatorUpdate(String id, Instant ts, double value, IndicatorState state) {}
