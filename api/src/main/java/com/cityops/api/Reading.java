package com.cityops.api;

import java.time.Instant;

/** A device's measured value. */
public record Reading(double value, String unit, Instant ts) {}
