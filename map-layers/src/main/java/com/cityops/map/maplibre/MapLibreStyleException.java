package com.cityops.map.maplibre;

/** A MapLibre style document that cannot be used at all (not JSON, not version 8, no layers). */
public final class MapLibreStyleException extends RuntimeException {
  public MapLibreStyleException(String message) {
    super(message);
  }

  public MapLibreStyleException(String message, Throwable cause) {
    super(message, cause);
  }
}
