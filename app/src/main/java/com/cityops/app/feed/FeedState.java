package com.cityops.app.feed;

/** The connection as the operator sees it. */
public enum FeedState {
  /** Signing in, loading the snapshot or opening the stream. */
  CONNECTING,
  /** Streaming, messages arriving on time. */
  LIVE,
  /** Connected but nothing heard for longer than the heartbeat allows: data may be late. */
  DEGRADED,
  /** Not connected; retrying with backoff. The screen shows the last state, marked stale. */
  OFFLINE,
  /** Playing a recording ({@code --replay}); no backend involved. */
  REPLAY
}
