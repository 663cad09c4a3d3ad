package com.cityops.app.feed;

/** The backend answered with an error or could not be reached; the message says which and why. */
public class BackendException extends RuntimeException {
  private final int status;

  public BackendException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** HTTP status, or 0 when no answer came (network failure). */
  public int status() {
    return status;
  }
}
