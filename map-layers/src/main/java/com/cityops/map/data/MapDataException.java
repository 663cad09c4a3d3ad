package com.cityops.map.data;

/** Map data that cannot be used: says which layer/feature and why. */
public final class MapDataException extends RuntimeException {
  public MapDataException(String message) {
    super(message);
  }

  public MapDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
