package com.cityops.map.vector;

/**
 * A vector tile that cannot be read: truncated or not a protocol buffer, or breaking a rule of the
 * Mapbox Vector Tile specification 2.1. The message names the layer and feature (by index and id)
 * and what is wrong, so whoever produced the tile can find it.
 */
public final class VectorTileException extends RuntimeException {
  public VectorTileException(String message) {
    super(message);
  }

  public VectorTileException(String message, Throwable cause) {
    super(message, cause);
  }
}
