package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;

/**
 * Answer to a successful login: a bearer token for REST and the stream.
 *
 * @param jurisdiction the district adcode the operator is responsible for (the client shows no more
 *     than that district), or null for the whole city
 */
public record LoginResponse(
    String token,
    String username,
    String displayName,
    Role role,
    Instant expiresAt,
    String jurisdiction) {

  @JsonCreator
  public LoginResponse {}

  /** A sign-in for the whole city. */
  public LoginResponse(
      String token, String username, String displayName, Role role, Instant expiresAt) {
    this(token, username, displayName, role, expiresAt, null);
  }

  @Override
  public String toString() {
    return "LoginResponse[username="
        + username
        + ", role="
        + role
        + ", jurisdiction="
        + jurisdiction
        + ", token=***]";
  }
}
