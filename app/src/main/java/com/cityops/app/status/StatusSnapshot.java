package com.cityops.app.status;

/**
 * What an unattended wall or workstation reports about itself (JSON at {@code /status}, the same
 * figures as Prometheus text at {@code /metrics}).
 *
 * @param dataAgeSeconds seconds since the backend was last heard from, or -1 before the first
 *     message
 * @param auditShipped records of the local audit log the backend holds
 * @param auditWaiting records not shipped yet
 * @param auditProblem why shipping stopped (a broken chain), or null
 * @param basemapCacheBytes what the basemap's memory caches hold (bounded: part of the heap that
 *     fills as the map visits new places, and stops there)
 * @param fxStalls times the FX thread took over 100 ms to answer the watchdog
 * @param fxLongestWaitMs the longest the FX thread took to answer the watchdog
 * @param wall what the wall shows under {@code --wall}, else null
 */
public record StatusSnapshot(
    String version,
    String feedState,
    String server,
    long seq,
    double dataAgeSeconds,
    double eventsPerSecond,
    long eventsApplied,
    long badMessages,
    long unknownMessages,
    long refusedMessages,
    int incidents,
    int indicators,
    int indicatorsDelayed,
    int indicatorsStale,
    int devices,
    long outboxPending,
    int auditShipped,
    int auditWaiting,
    String auditProblem,
    boolean canaryAlarm,
    boolean showingCache,
    int fxPulses,
    double fxPulseP50Ms,
    double fxPulseP99Ms,
    double fxPulseMaxMs,
    long heapUsedBytes,
    long heapMaxBytes,
    long basemapCacheBytes,
    long fxStalls,
    double fxLongestWaitMs,
    WallStatus wall) {}
