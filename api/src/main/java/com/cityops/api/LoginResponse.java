package com.cityops.api;

import java.time.Instant;

/** Answer to a successful login: a bearer token for REST and the stream. */
public record LoginResponse(
    String token, String username, String displayName, Role role, Instant expiresAt) {

  @Override
  public String toString() {
    return "LoginResponse[username=" + username + ", role=" + role + ", token=***]";
  }
}
