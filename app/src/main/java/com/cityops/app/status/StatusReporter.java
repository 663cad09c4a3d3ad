package com.cityops.app.status;

import com.cityops.app.cli.VersionInfo;
import com.cityops.app.fx.PulseStats;
import com.cityops.app.security.AuditShipper;
import com.cityops.app.state.CityState;
import com.cityops.app.state.CitySummary;
import com.cityops.app.state.Freshness;
import com.cityops.app.state.FreshnessPolicy;
import com.cityops.app.state.InputProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Gathers the status figures from the city state, the outbox, the FX pulse stats and the JVM.
 * Events/s is the rate since the previous report, measured over at least a second. Thread-safe.
 */
public final class StatusReporter implements Supplier<StatusSnapshot> {
  private final CityState state;
  private final LongSupplier outboxPending;
  private final Supplier<AuditShipper.Progress> audit;
  private final PulseStats pulses;
  private final Clock clock;
  private long lastEvents;
  private Instant lastAt;
  private double rate;
  private volatile Supplier<WallStatus> wall = () -> null;
  private volatile LongSupplier basemapCache = () -> 0;
  private volatile Supplier<com.cityops.app.fx.FxWatchdog.Figures> watchdog =
      () -> new com.cityops.app.fx.FxWatchdog.Figures(0, 0, 0);

  public StatusReporter(
      CityState state,
      LongSupplier outboxPending,
      Supplier<AuditShipper.Progress> audit,
      PulseStats pulses,
      Clock clock) {
    this.state = state;
    this.outboxPending = outboxPending;
    this.audit = audit;
    this.pulses = pulses;
    this.clock = clock;
  }

  /** Reports what the wall shows too. */
  public StatusReporter withWall(Supplier<WallStatus> wall) {
    this.wall = wall;
    return this;
  }

  /** Reports what the basemap's memory caches hold too. */
  public StatusReporter withBasemapCache(LongSupplier bytes) {
    this.basemapCache = bytes;
    return this;
  }

  /** Reports how the FX thread answers its watchdog too. */
  public StatusReporter withWatchdog(Supplier<com.cityops.app.fx.FxWatchdog.Figures> watchdog) {
    this.watchdog = watchdog;
    return this;
  }

  @Override
  public synchronized StatusSnapshot get() {
    Instant now = clock.instant();
    CitySummary summary = state.summary();
    long events = state.eventsApplied();
    if (lastAt == null) {
      lastAt = now;
      lastEvents = events;
    } else if (Duration.between(lastAt, now).toMillis() >= 1_000) {
      rate = (events - lastEvents) * 1000.0 / Duration.between(lastAt, now).toMillis();
      lastAt = now;
      lastEvents = events;
    }
    double age =
        summary.lastHeardAt() == null
            ? -1
            : Duration.between(summary.lastHeardAt(), now).toMillis() / 1000.0;
    PulseStats.Summary fx = pulses.summary();
    InputProblems problems = state.inputProblems();
    Map<Freshness, Integer> freshness = summary.indicatorFreshness(FreshnessPolicy.DEFAULT, now);
    Runtime jvm = Runtime.getRuntime();
    AuditShipper.Progress shipping = audit.get();
    com.cityops.app.fx.FxWatchdog.Figures fxAnswers = watchdog.get();
    return new StatusSnapshot(
        VersionInfo.version(),
        summary.feed().state().name(),
        summary.feed().server(),
        summary.seq(),
        age,
        Math.round(rate * 10) / 10.0,
        events,
        problems.unreadable(),
        problems.unknownType(),
        problems.refused(),
        summary.incidentsHeld(),
        summary.indicatorCount(),
        freshness.getOrDefault(Freshness.DELAYED, 0),
        freshness.getOrDefault(Freshness.STALE, 0),
        summary.deviceCount(),
        outboxPending.getAsLong(),
        shipping.shipped(),
        shipping.waiting(),
        shipping.problem(),
        summary.canaryAlarm() != null,
        summary.cachedAt() != null,
        fx.pulses(),
        fx.p50Ms(),
        fx.p99Ms(),
        fx.maxMs(),
        jvm.totalMemory() - jvm.freeMemory(),
        jvm.maxMemory(),
        basemapCache.getAsLong(),
        fxAnswers.stalls(),
        fxAnswers.longestMs(),
        wall.get());
  }
}
