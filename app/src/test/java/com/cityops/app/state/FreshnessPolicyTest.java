package com.cityops.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.Fixtures;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ages are read on the backend's clock: a workstation clock hours off does not make live data look
 * stale, and a silent backend ages everything.
 */
class FreshnessPolicyTest {
  static final Instant SERVER = Instant.parse("2026-11-22T02:00:00Z");

  /** The workstation clock is 3 hours ahead of the backend's. */
  static final Instant LOCAL = SERVER.plus(Duration.ofHours(3));

  private final FreshnessPolicy policy = FreshnessPolicy.DEFAULT;
  private final CityState state = new CityState();

  @Test
  void judgesByTheItemsOwnTimeOnTheBackendsClock() {
    load(
        Fixtures.indicator("fresh", SERVER.minusSeconds(10)),
        Fixtures.indicator("late", SERVER.minusSeconds(90)),
        Fixtures.indicator("old", SERVER.minus(Duration.ofMinutes(20))));
    state.heard(LOCAL);
    state.setFeedStatus(new FeedStatus(FeedState.LIVE, null, "http://x", null));
    assertThat(state.indicatorFreshness(policy, LOCAL))
        .containsEntry(Freshness.LIVE, 1)
        .containsEntry(Freshness.DELAYED, 1)
        .containsEntry(Freshness.STALE, 1);
  }

  @Test
  void aSilentBackendAgesEverything() {
    load(Fixtures.indicator("fresh", SERVER.minusSeconds(10)));
    state.heard(LOCAL);
    state.setFeedStatus(new FeedStatus(FeedState.LIVE, null, "http://x", null));
    assertThat(state.indicatorFreshness(policy, LOCAL.plusSeconds(60)))
        .containsOnlyKeys(Freshness.DELAYED);
    assertThat(state.indicatorFreshness(policy, LOCAL.plus(Duration.ofMinutes(10))))
        .containsOnlyKeys(Freshness.STALE);
  }

  @Test
  void aDegradedFeedMakesEventDrivenDataDelayedAndTheCacheStale() {
    load(Fixtures.indicator("fresh", SERVER));
    state.heard(LOCAL);
    state.setFeedStatus(new FeedStatus(FeedState.DEGRADED, null, "http://x", "silent"));
    assertThat(policy.ofFeed(state.summary(), LOCAL)).isEqualTo(Freshness.DELAYED);
    state.loadCached(state.snapshot(), LOCAL);
    assertThat(policy.ofFeed(state.summary(), LOCAL)).isEqualTo(Freshness.STALE);
  }

  @Test
  void samplesKeepAnIndicatorLive() {
    load(Fixtures.indicator("i", SERVER.minus(Duration.ofMinutes(20))));
    state.setFeedStatus(new FeedStatus(FeedState.LIVE, null, "http://x", null));
    Instant later = SERVER.plusSeconds(5);
    state.apply(
        new StreamEnvelope(
            2,
            later,
            StreamEventType.INDICATOR_SAMPLE,
            new com.cityops.api.IndicatorUpdate("i", later, 3, IndicatorState.NORMAL)));
    state.heard(LOCAL);
    assertThat(state.indicatorFreshness(policy, LOCAL)).containsOnlyKeys(Freshness.LIVE);
  }

  private void load(Indicator... indicators) {
    state.replaceAll(
        new Snapshot(
            1, SERVER, OperatingMode.NORMAL, List.of(), List.of(indicators), List.of(), List.of()));
  }
}
