package com.cityops.api;

import java.time.Instant;

/** One value of an indicator at one time. */
public record IndicatorSample(Instant ts, double value) {}
