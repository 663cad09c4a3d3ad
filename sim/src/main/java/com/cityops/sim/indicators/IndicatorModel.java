package com.cityops.sim.indicators;

import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorSample;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Makes indicator values: daily rhythm in Shanghai time, weekends, weather, open cases, noise.
 * Pure.
 */
public final class IndicatorModel {
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  private IndicatorModel() {}

  public static double sample(
      IndicatorDefinition def, Instant cityTime, CityConditions conditions, RandomGenerator rnd) {
    ZonedDateTime local = cityTime.atZone(CITY_ZONE);
    double hour = local.getHour() + local.getMinute() / 60.0;
    boolean weekend =
        local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    double amplitude =
        def.amplitude() * (weekend && def.domain() == IndicatorDomain.TRAFFIC ? 0.55 : 1);
    double value =
        def.baseline()
            + amplitude * def.profile().factor(hour)
            + def.rainGain() * conditions.rainMmPerHour()
            + def.incidentGain() * conditions.openIn(def.districtCode())
            + def.noise() * rnd.nextGaussian();
    value = Math.max(def.min(), Math.min(def.max(), value));
    double scale = Math.pow(10, def.decimals());
    return Math.round(value * scale) / scale;
  }

  /** Calm-weather history for charts, deterministic per seed and indicator. */
  public static List<IndicatorSample> backfill(
      IndicatorDefinition def, Instant from, Instant to, Duration step, long seed) {
    var rnd = new SplittableRandom(seed ^ def.id().hashCode() * 0x9E3779B97F4A7C15L);
    CityConditions calm = CityConditions.calm();
    List<IndicatorSample> samples = new ArrayList<>();
    for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
      samples.add(new IndicatorSample(t, sample(def, t, calm, rnd)));
    }
    return samples;
  }
}
