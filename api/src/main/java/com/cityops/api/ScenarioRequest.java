package com.cityops.api;

/**
 * Body of the simulator's {@code POST /sim/scenario} (reference backend only): switch the running
 * scenario, e.g. {@code normal} or {@code rainstorm}.
 */
public record ScenarioRequest(String scenario) {}
