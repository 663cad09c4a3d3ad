package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /snapshot}: the whole city state as of stream sequence {@code seq}; a client then
 * streams with {@code ?since=seq} and misses nothing.
 *
 * @param walls the newest {@link WallScene} of every wall that has a controller (empty from a
 *     backend that predates walls)
 */
public record Snapshot(
    long seq,
    Instant ts,
    OperatingMode mode,
    List<Incident> incidents,
    List<Indicator> indicators,
    List<Device> devices,
    List<LayerInfo> layers,
    List<WallScene> walls) {

  @JsonCreator
  public Snapshot {
    incidents = List.copyOf(incidents);
    indicators = List.copyOf(indicators);
    devices = List.copyOf(devices);
    layers = List.copyOf(layers);
    walls = walls == null ? List.of() : List.copyOf(walls);
  }

  /** A snapshot with no wall scenes. */
  public Snapshot(
      long seq,
      Instant ts,
      OperatingMode mode,
      List<Incident> incidents,
      List<Indicator> indicators,
      List<Device> devices,
      List<LayerInfo> layers) {
    this(seq, ts, mode, incidents, indicators, devices, layers, List.of());
  }
}
