package com.cityops.app.state;

import com.cityops.api.Alert;
import com.cityops.api.Device;
import com.cityops.api.DeviceStatus;
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
import java.util.EnumMap;
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
      Collection<Incident> incidents,
      Collection<Indicator> indicators,
      Collection<Device> devices,
      List<Alert> alerts) {
    Map<IncidentLevel, Integer> byLevel = new EnumMap<>(IncidentLevel.class);
    Map<IncidentStatus, Integer> byStatus = new EnumMap<>(IncidentStatus.class);
    int overdue = 0;
    for (Incident i : incidents) {
      byStatus.merge(i.status(), 1, Integer::sum);
      if (i.status().isOpen()) {
        byLevel.merge(i.level(), 1, Integer::sum);
        overdue += i.overdue() ? 1 : 0;
      }
    }
    List<Incident> newest =
        incidents.stream()
            .filter(i -> i.status().isOpen())
            .sorted(
                Comparator.comparing(Incident::level)
                    .thenComparing(Incident::reportedAt, Comparator.reverseOrder()))
            .limit(NEWEST)
            .toList();
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
    int offline = 0;
    int fault = 0;
    int alarm = 0;
    for (Device d : devices) {
      offline += d.status() == DeviceStatus.OFFLINE ? 1 : 0;
      fault += d.status() == DeviceStatus.FAULT ? 1 : 0;
      alarm += d.alarm() ? 1 : 0;
    }
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
        byLevel,
        byStatus,
        overdue,
        newest,
        indicators.size(),
        trouble,
        List.copyOf(key),
        devices.size(),
        offline,
        fault,
        alarm,
        alerts.isEmpty() ? null : alerts.get(alerts.size() - 1));
  }

  public int open() {
    return openByLevel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
