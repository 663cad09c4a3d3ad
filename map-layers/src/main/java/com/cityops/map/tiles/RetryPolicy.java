package com.cityops.map.tiles;

import java.time.Duration;

/**
 * How often to try a tile that failed for a reason that may pass (5xx, connection reset, timeout)
 * and how long to wait in between: exponential backoff from {@code firstDelay}, doubled each time,
 * capped at {@code maxDelay}. Bounded on purpose — a map asks for hundreds of tiles, and endless
 * retries against a struggling server make it worse. 4xx and wrong content are never retried.
 * Immutable.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("retry attempts must be 1–10, got " + maxAttempts);
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "retry delays must be 0 ≤ first ≤ max, got " + firstDelay + " and " + maxDelay);
    }
  }

  /** The wait before attempt {@code attempt} (2 = the first retry). */
  public Duration delayBefore(int attempt) {
    if (attempt <= 1) {
      return Duration.ZERO;
    }
    long ms = firstDelay.toMillis() << Math.min(20, attempt - 2);
    return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
  }
}
