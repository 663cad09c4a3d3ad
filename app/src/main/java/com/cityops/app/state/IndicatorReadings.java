package com.cityops.app.state;

import com.cityops.api.Indicator;
import com.cityops.app.feed.FeedStatus;
import java.time.Instant;
import java.util.List;

/**
 * Every held indicator plus what judging their age needs, read cheaply under the store's lock (no
 * sorting, no incident work): what the indicator tiles take once per pulse. Indicator records are
 * replaced, never mutated, so a reader finds the changed ones by identity.
 *
 * @param version the store's change count when read
 * @param dataTime the newest data's time (backend clock), or null before any data
 * @param lastHeardAt when the backend was last heard from (local clock), or null
 * @param cachedAt when the shown state was saved, while it comes from the offline cache; else null
 */
public record IndicatorReadings(
    long version,
    List<Indicator> indicators,
    Instant dataTime,
    Instant lastHeardAt,
    Instant cachedAt,
    FeedStatus feed) {

  public IndicatorReadings {
    indicators = List.copyOf(indicators);
  }

  /** The backend's clock now, as {@link CitySummary#backendNow} estimates it; null before data. */
  public Instant backendNow(Instant localNow) {
    return CitySummary.backendNow(dataTime, lastHeardAt, cachedAt, localNow);
  }

  /** How fresh the feed that would bring changes is, as {@link FreshnessPolicy#ofFeed} judges. */
  public Freshness feedFreshness(FreshnessPolicy policy, Instant localNow) {
    return policy.ofFeed(feed.state(), lastHeardAt, cachedAt, localNow);
  }

  /** One indicator's freshness: its own age on the backend clock, no better than the feed's. */
  public Freshness freshness(Indicator indicator, FreshnessPolicy policy, Instant localNow) {
    Freshness own = policy.of(indicator.ts(), backendNow(localNow));
    Freshness feedNow = feedFreshness(policy, localNow);
    return own.compareTo(feedNow) >= 0 ? own : feedNow;
  }
}
