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
    Alert latestAlert) {

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
      List<Alert> alerts) {
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
        alerts.isEmpty() ? null : alerts.get(alerts.size() - 1));
  }

  /**
   * The backend's clock now, estimated as the newest data's time plus the local time since it
   * arrived; null before any data.
   */
  public Instant backendNow(Instant localNow) {
    if (dataTime == null) {
      return null;
    }
    Instant since = lastHeardAt != null ? lastHeardAt : cachedAt;
    if (since == null || localNow.isBefore(since)) {
      return dataTime;
    }
    return dataTime.plus(java.time.Duration.between(since, localNow));
  }

  /** Device totals, kept by the store as devices change. */
  record DeviceCounts(int total, int offline, int fault, int inAlarm) {}

  public int open() {
    return openByLevel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
