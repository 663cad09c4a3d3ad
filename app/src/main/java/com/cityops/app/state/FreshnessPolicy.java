package com.cityops.app.state;

import com.cityops.api.Device;
import com.cityops.api.DeviceStatus;
import com.cityops.api.Indicator;
import com.cityops.app.feed.FeedState;
import java.time.Duration;
import java.time.Instant;

/**
 * Judges per-item freshness. An item's age is measured on the backend's clock — the time of the
 * newest message plus the local time since it arrived — so a skewed workstation clock does not make
 * everything look stale, and a silent backend makes everything age.
 *
 * @param liveWithin an item at most this old is live (the sim samples indicators every 10 s)
 * @param staleAfter an item older than this is stale; in between it is delayed
 */
public record FreshnessPolicy(Duration liveWithin, Duration staleAfter) {
  public static final FreshnessPolicy DEFAULT =
      new FreshnessPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5));

  public FreshnessPolicy {
    if (liveWithin.isNegative() || staleAfter.compareTo(liveWithin) < 0) {
      throw new IllegalArgumentException(
          "freshness limits must satisfy 0 <= live ("
              + liveWithin
              + ") <= stale ("
              + staleAfter
              + ")");
    }
  }

  /** The freshness of data stamped {@code itemTime} when the backend's clock reads {@code now}. */
  public Freshness of(Instant itemTime, Instant backendNow) {
    if (itemTime == null || backendNow == null) {
      return Freshness.STALE;
    }
    Duration age = Duration.between(itemTime, backendNow);
    if (age.compareTo(liveWithin) <= 0) {
      return Freshness.LIVE;
    }
    return age.compareTo(staleAfter) <= 0 ? Freshness.DELAYED : Freshness.STALE;
  }

  public Freshness of(Indicator indicator, CitySummary summary, Instant localNow) {
    return worse(of(indicator.ts(), summary.backendNow(localNow)), ofFeed(summary, localNow));
  }

  /**
   * A device is as fresh as its last reading; a device without readings (a camera) as the feed,
   * unless the backend reports it offline.
   */
  public Freshness of(Device device, CitySummary summary, Instant localNow) {
    Freshness feed = ofFeed(summary, localNow);
    if (device.status() == DeviceStatus.OFFLINE) {
      return Freshness.STALE;
    }
    if (device.lastReading() == null) {
      return feed;
    }
    return worse(of(device.lastReading().ts(), summary.backendNow(localNow)), feed);
  }

  /**
   * Event-driven data (cases, modes, alerts) has no rhythm of its own: it is as fresh as the feed
   * that would have brought a change.
   */
  public Freshness ofFeed(CitySummary summary, Instant localNow) {
    return ofFeed(summary.feed().state(), summary.lastHeardAt(), summary.cachedAt(), localNow);
  }

  /** {@link #ofFeed(CitySummary, Instant)} from its parts. */
  public Freshness ofFeed(FeedState state, Instant heard, Instant cachedAt, Instant localNow) {
    if (cachedAt != null) {
      return Freshness.STALE;
    }
    if (state == FeedState.REPLAY) {
      return Freshness.LIVE;
    }
    Freshness bySilence = heard == null ? Freshness.STALE : of(heard, localNow);
    return state == FeedState.LIVE ? bySilence : worse(bySilence, Freshness.DELAYED);
  }

  private static Freshness worse(Freshness a, Freshness b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
