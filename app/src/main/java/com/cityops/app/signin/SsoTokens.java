package com.cityops.app.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * What single sign-on left us: the bearer token, when it expires, the refresh token (may be null)
 * and whom the provider signed on (the ID token's {@code sub}; null when it sent none).
 */
public record SsoTokens(
    String accessToken, Instant expiresAt, String refreshToken, String subject) {

  /** Whether the access token is still good for at least {@code margin} at {@code now}. */
  boolean validFor(Duration margin, Instant now) {
    return accessToken != null && expiresAt != null && expiresAt.minus(margin).isAfter(now);
  }

  @Override
  public String toString() {
    return "SsoTokens[expiresAt="
        + expiresAt
        + ", subject="
        + subject
        + ", access=***, refresh=***]";
  }
}
