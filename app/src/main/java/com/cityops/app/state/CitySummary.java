package com.cityops.app.state;

import com.cityops.api.Alert;
import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import com.cityops.api.OperatingMode;
import com.cityops.app.feed.FeedStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the city for the views: counts by level and status, the newest open
 * cases, indicators in trouble, device health, the latest alert. Built off the FX thread.
 *
 * @param version grows with every state change, so the bridge can skip identical summaries
 * @param lastHeardAt when the backend was last heard from (any message), or null
 * @param canaryAlarm why the end-to-end test signal is considered missing, or null when it is on
 *     time
 * @param canarySeenAt when the last end-to-end test signal arrived, or null before the first
 * @param cachedAt when the shown state was saved, while it comes from the offline cache; else null
 */
public record CitySummary(
    long version,
    long seq,
    Instant dataTime,
    Instant lastHeardAt,
    Instant cachedAt,
    String canaryAlarm,
    Instant canarySeenAt,
    OperatingMode mode,
    FeedStatus feed,
    int incidentsHeld,
    Map<IncidentLevel, Integer> openByLevel,
    Map<IncidentStatus, Integer> byStatus,
    int overdue,
    List<Incident> newestOpen,
    int indicatorCount,
    List<Indicator> indicatorsInTrouble,
    List<Indicator> keyIndicators,
    int deviceCount,
    int devicesOffline,
    int devicesFault,
    int devicesInAlarm,
    Alert latestAlert,
    long[] indicatorTimesMillis,
    SignedInUser user) {

  static final int NEWEST = 40;

  static CitySummary of(
      long version,
      long seq,
      Instant dataTime,
      Instant lastHeardAt,
      Instant cachedAt,
      String canaryAlarm,
      Instant canarySeenAt,
      OperatingMode mode,
      FeedStatus feed,
      IncidentIndex incidents,
      Collection<Indicator> indicators,
      DeviceCounts devices,
      List<Alert> alerts,
      SignedInUser user) {
    List<Indicator> trouble =
        indicators.stream()
            .filter(i -> i.state() != IndicatorState.NORMAL)
            .sorted(Comparator.comparing(Indicator::state).reversed().thenComparing(Indicator::id))
            .toList();
    List<Indicator> key = new java.util.ArrayList<>(trouble);
    indicators.stream()
        .filter(i -> i.districtCode() == null && i.state() == IndicatorState.NORMAL)
        .sorted(Comparator.comparing(Indicator::domain).thenComparing(Indicator::id))
        .forEach(key::add);
    return new CitySummary(
        version,
        seq,
        dataTime,
        lastHeardAt,
        cachedAt,
        canaryAlarm,
        canarySeenAt,
        mode,
        feed,
        incidents.size(),
        incidents.openByLevel(),
        incidents.countByStatus(),
        incidents.openOverdue(),
        incidents.firstOpen(NEWEST),
        indicators.size(),
        trouble,
        List.copyOf(key),
        devices.total(),
        devices.offline(),
        devices.fault(),
        devices.inAlarm(),
        alerts.isEmpty() ? null : alerts.get(alerts.size() - 1),
        indicators.stream()
            .mapToLong(i -> i.ts() == null ? Long.MIN_VALUE : i.ts().toEpochMilli())
            .sorted()
            .toArray(),
        user);
  }

  /**
   * The backend's clock now, estimated as the newest data's time plus the local time since it
   * arrived; null before any data.
   */
  public Instant backendNow(Instant localNow) {
    return backendNow(dataTime, lastHeardAt, cachedAt, localNow);
  }

  static Instant backendNow(
      Instant dataTime, Instant lastHeardAt, Instant cachedAt, Instant localNow) {
    if (dataTime == null) {
      return null;
    }
    Instant since = lastHeardAt != null ? lastHeardAt : cachedAt;
    if (since == null || localNow.isBefore(since)) {
      return dataTime;
    }
    return dataTime.plus(java.time.Duration.between(since, localNow));
  }

  /**
   * How many of all held indicators are live, delayed and stale at {@code localNow} — from their
   * sorted sample times, so ageing can be re-judged every second without touching the store.
   */
  public Map<Freshness, Integer> indicatorFreshness(FreshnessPolicy policy, Instant localNow) {
    Map<Freshness, Integer> counts = new java.util.EnumMap<>(Freshness.class);
    int n = indicatorTimesMillis.length;
    if (n == 0) {
      return counts;
    }
    Freshness feed = policy.ofFeed(this, localNow);
    Instant now = backendNow(localNow);
    if (feed == Freshness.STALE || now == null) {
      counts.put(Freshness.STALE, n);
      return counts;
    }
    int stale = countBefore(now.minus(policy.staleAfter()).toEpochMilli());
    int notLive = countBefore(now.minus(policy.liveWithin()).toEpochMilli());
    int live = n - notLive;
    int delayed = notLive - stale;
    if (feed == Freshness.DELAYED) {
      delayed += live;
      live = 0;
    }
    counts.put(Freshness.LIVE, live);
    counts.put(Freshness.DELAYED, delayed);
    counts.put(Freshness.STALE, stale);
    counts.values().removeIf(c -> c == 0);
    return counts;
  }

  /** Indicators sampled strictly before {@code millis}. */
  private int countBefore(long millis) {
    int i = java.util.Arrays.binarySearch(indicatorTimesMillis, millis);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && indicatorTimesMillis[i - 1] == millis) {
      i--;
    }
    return i;
  }

  /** Device totals, kept by the store as devices change. */
  record DeviceCounts(int total, int offline, int fault, int inAlarm) {}

  public int open() {
    return openByLevel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
