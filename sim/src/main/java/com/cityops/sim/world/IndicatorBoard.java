package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorHistory;
import com.cityops.api.IndicatorSample;
import com.cityops.api.IndicatorUpdate;
import com.cityops.sim.geo.CityGeography;
import com.cityops.sim.indicators.CityConditions;
import com.cityops.sim.indicators.IndicatorCatalog;
import com.cityops.sim.indicators.IndicatorDefinition;
import com.cityops.sim.indicators.IndicatorModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The city's vital signs as the simulation holds them: the latest value of each indicator, a short
 * recent history for sparklines and a day and a half of history for charts. Each indicator is
 * sampled every {@link #PERIOD} of city time, staggered so the samples spread over the period. Not
 * thread-safe (owned by the world).
 */
final class IndicatorBoard {
  static final Duration PERIOD = Duration.ofSeconds(10);
  private static final int SPARKLINE = 30;
  private static final Duration KEEP = Duration.ofHours(36);
  private static final Duration BACKFILL_STEP = Duration.ofMinutes(10);

  private final List<IndicatorDefinition> definitions;
  private final Map<String, Indicator> current = new LinkedHashMap<>();
  private final Map<String, Deque<IndicatorSample>> history = new LinkedHashMap<>();
  private final Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();

  IndicatorBoard(CityGeography geography, long seed, Instant now) {
    var districts =
        geography.districts().stream()
            .map(d -> new IndicatorCatalog.DistrictRef(d.code(), d.name()))
            .toList();
    this.definitions = IndicatorCatalog.build(districts);
    for (IndicatorDefinition def : definitions) {
      byId.put(def.id(), def);
      List<IndicatorSample> past =
          IndicatorModel.backfill(def, now.minus(Duration.ofHours(24)), now, BACKFILL_STEP, seed);
      history.put(def.id(), new ArrayDeque<>(past));
      IndicatorSample last =
          past.isEmpty() ? new IndicatorSample(now, 0) : past.get(past.size() - 1);
      current.put(def.id(), indicator(def, last.value(), last.ts(), tail(past)));
    }
  }

  private static Indicator indicator(
      IndicatorDefinition def, double value, Instant ts, List<IndicatorSample> recent) {
    return new Indicator(
        def.id(),
        def.name(),
        def.domain(),
        def.unit(),
        value,
        ts,
        def.threshold(),
        def.threshold().classify(value),
        def.districtCode(),
        recent);
  }

  private static List<IndicatorSample> tail(List<IndicatorSample> samples) {
    return samples.subList(Math.max(0, samples.size() - SPARKLINE), samples.size());
  }

  /** The newest samples, without copying the whole history (this runs for every sample). */
  private static List<IndicatorSample> tail(Deque<IndicatorSample> samples) {
    IndicatorSample[] newest = new IndicatorSample[Math.min(SPARKLINE, samples.size())];
    var it = samples.descendingIterator();
    for (int i = newest.length - 1; i >= 0; i--) {
      newest[i] = it.next();
    }
    return List.of(newest);
  }

  List<Indicator> all() {
    return List.copyOf(current.values());
  }

  Optional<Indicator> get(String id) {
    return Optional.ofNullable(current.get(id));
  }

  /** Samples the indicators whose turn it is at {@code now}. */
  List<IndicatorUpdate> step(
      Instant now, double rainMmPerHour, Collection<Incident> incidents, RandomGenerator rnd) {
    long slot = now.getEpochSecond() % PERIOD.toSeconds();
    List<IndicatorUpdate> updates = new ArrayList<>();
    CityConditions conditions = null;
    for (int i = 0; i < definitions.size(); i++) {
      if (i % PERIOD.toSeconds() != slot) {
        continue;
      }
      if (conditions == null) {
        conditions = Conditions.of(rainMmPerHour, incidents, now);
      }
      IndicatorDefinition def = definitions.get(i);
      double value = IndicatorModel.sample(def, now, conditions, rnd);
      IndicatorUpdate update =
          new IndicatorUpdate(def.id(), now, value, def.threshold().classify(value));
      apply(update);
      updates.add(update);
    }
    return updates;
  }

  /** A small random move of one indicator, for load tests. */
  IndicatorUpdate jitter(Instant now, RandomGenerator rnd) {
    IndicatorDefinition def = definitions.get(rnd.nextInt(definitions.size()));
    double value = current.get(def.id()).value() * (0.995 + rnd.nextDouble() * 0.01);
    value = Math.round(value * 100) / 100.0;
    IndicatorUpdate update =
        new IndicatorUpdate(def.id(), now, value, def.threshold().classify(value));
    apply(update);
    return update;
  }

  /** Records a sample (live or replayed from the journal). */
  void apply(IndicatorUpdate update) {
    IndicatorDefinition def = byId.get(update.id());
    if (def == null) {
      return;
    }
    Deque<IndicatorSample> samples = history.get(def.id());
    samples.addLast(new IndicatorSample(update.ts(), update.value()));
    while (!samples.isEmpty() && samples.peekFirst().ts().isBefore(update.ts().minus(KEEP))) {
      samples.removeFirst();
    }
    current.put(def.id(), indicator(def, update.value(), update.ts(), tail(samples)));
  }

  Optional<IndicatorHistory> history(String id, Instant from, Instant to) {
    Deque<IndicatorSample> samples = history.get(id);
    if (samples == null) {
      return Optional.empty();
    }
    List<IndicatorSample> inRange =
        samples.stream().filter(s -> !s.ts().isBefore(from) && !s.ts().isAfter(to)).toList();
    return Optional.of(new IndicatorHistory(id, from, to, inRange));
  }
}
