package com.cityops.map.tiles;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer for one tile. {@link Missing} is normal — the source has no tile there (HTTP 404, no
 * row, outside the matrix) and the renderer shows the parent tile scaled; {@link Failed} is an
 * error worth showing or counting (network, 5xx after retries, corrupt data, a login page instead
 * of a PNG), with a message a person can act on. Immutable.
 */
public sealed interface TileResult {
  record Found(TileData data) implements TileResult {
    public Found {
      Objects.requireNonNull(data, "data");
    }
  }

  record Missing(String reason) implements TileResult {}

  record Failed(String message, Throwable cause) implements TileResult {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }

  static TileResult found(TileData data) {
    return new Found(data);
  }

  static TileResult missing(String reason) {
    return new Missing(reason);
  }

  static TileResult failed(String message, Throwable cause) {
    return new Failed(message, cause);
  }

  /** The data when found; empty when missing or failed. */
  default Optional<TileData> found() {
    return this instanceof Found f ? Optional.of(f.data()) : Optional.empty();
  }
}
