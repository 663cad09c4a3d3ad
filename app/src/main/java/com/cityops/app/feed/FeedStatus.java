package com.cityops.app.feed;

import java.time.Instant;

/**
 * What the feed is doing, for the status badge: its state, when it last heard from the backend, and
 * the last error in words a person can act on (null when none).
 */
public record FeedStatus(FeedState state, Instant lastMessageAt, String server, String error) {

  public static FeedStatus connecting(String server) {
    return new FeedStatus(FeedState.CONNECTING, null, server, null);
  }
}
