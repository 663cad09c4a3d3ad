package com.cityops.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /snapshot}: the whole city state as of stream sequence {@code seq}; a client then
 * streams with {@code ?since=seq} and misses nothing.
 */
public record Snapshot(
    long seq,
    Instant ts,
    OperatingMode mode,
    List<Incident> incidents,
    List<Indicator> indicators,
    List<Device> devices,
    List<LayerInfo> layers) {

  public Snapshot {
    incidents = List.copyOf(incidents);
    indicators = List.copyOf(indicators);
    devices = List.copyOf(devices);
    layers = List.copyOf(layers);
  }
}
