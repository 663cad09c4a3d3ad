package com.cityops.app.wall;

/** A wall layout file that cannot be used, with where and why, for the person who wrote it. */
public final class WallLayoutException extends RuntimeException {
  public WallLayoutException(String message) {
    super(message);
  }

  public WallLayoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
