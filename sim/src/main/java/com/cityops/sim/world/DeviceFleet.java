package com.cityops.sim.world;

import com.cityops.api.Device;
import com.cityops.api.DeviceStatus;
import com.cityops.api.DeviceType;
import com.cityops.api.Location;
import com.cityops.api.Reading;
import com.cityops.sim.geo.CityGeography;
import com.cityops.sim.geo.District;
import com.cityops.sim.geo.GeoPoint;
import com.cityops.sim.geo.Place;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The city's field devices: where they stand (generated once from the seed, inside real district
 * boundaries), how they fail, go offline and raise false alarms at configurable rates, and how
 * waterlogging sensors answer rain. Not thread-safe (owned by the world).
 */
final class DeviceFleet {
  /** Standing water (m) at which a waterlogging sensor alarms. */
  static final double WATER_ALARM_M = 0.15;

  /** Sustained rain a Shanghai drainage network carries away (mm/h, the one-year design storm). */
  private static final double DRAINAGE_MM_PER_H = 36;

  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final Map<String, Double> lowness = new HashMap<>();
  private final Map<String, Instant> recoversAt = new HashMap<>();
  private final Map<String, Instant> falseAlarmEndsAt = new HashMap<>();
  private final DeviceRates rates;
  private double excessRainMm;

  DeviceFleet(
      CityGeography geography,
      Map<DeviceType, Integer> counts,
      DeviceRates rates,
      long seed,
      Instant now) {
    this.rates = rates;
    var rnd = new SplittableRandom(seed ^ 0xD5A61266F0C9392CL);
    for (DeviceType type : DeviceType.values()) {
      place(geography, type, counts.getOrDefault(type, 0), rnd, now);
    }
  }

  static Map<DeviceType, Integer> defaultCounts() {
    var counts = new EnumMap<DeviceType, Integer>(DeviceType.class);
    counts.put(DeviceType.WATER_LEVEL, 2000);
    counts.put(DeviceType.GEOLOGICAL_HAZARD, 500);
    counts.put(DeviceType.CAMERA, 600);
    counts.put(DeviceType.GAS, 400);
    counts.put(DeviceType.AIR_QUALITY, 120);
    counts.put(DeviceType.TRAFFIC_FLOW, 400);
    counts.put(DeviceType.MANHOLE, 800);
    return counts;
  }

  private void place(
      CityGeography geography, DeviceType type, int count, SplittableRandom rnd, Instant now) {
    List<District> districts = geography.districts();
    double[] weights = new double[districts.size()];
    for (int i = 0; i < districts.size(); i++) {
      District d = districts.get(i);
      double streets = geography.streetsOf(d.code()).size();
      // Geological hazard points (subsidence, foundation pits, embankments) cluster in the outer
      // districts.
      boolean outer = d.code().compareTo("310112") >= 0;
      weights[i] = type == DeviceType.GEOLOGICAL_HAZARD ? (outer ? streets * 3 : streets) : streets;
    }
    Map<String, Integer> perDistrict = new HashMap<>();
    for (int n = 0; n < count; n++) {
      District district = Weighted.pick(districts, weights, rnd);
      Place place = null;
      GeoPoint point = null;
      while (place == null) {
        point = geography.randomPointIn(district.boundary(), rnd);
        place = geography.locate(point.lon(), point.lat()).orElse(null);
      }
      int number = perDistrict.merge(district.code() + type, 1, Integer::sum);
      String id = prefix(type) + "-" + district.code() + "-" + String.format("%04d", number);
      String name = place.street().name() + type.zhName() + "点" + number;
      var location =
          new Location(
              point.lon(),
              point.lat(),
              geography.addressAt(place, rnd),
              district.code(),
              place.street().code(),
              place.grid().code());
      Reading reading =
          type == DeviceType.CAMERA ? null : new Reading(calmValue(type, rnd), type.unit(), now);
      devices.put(
          id, new Device(id, type, name, location, DeviceStatus.ONLINE, reading, false, 0.0));
      // Most spots drain well; a few low ones (underpasses, old lanes) flood first.
      lowness.put(id, Math.pow(rnd.nextDouble(), 6));
    }
  }

  static String prefix(DeviceType type) {
    return switch (type) {
      case WATER_LEVEL -> "WL";
      case GEOLOGICAL_HAZARD -> "GH";
      case CAMERA -> "CAM";
      case GAS -> "GAS";
      case AIR_QUALITY -> "AQ";
      case TRAFFIC_FLOW -> "TF";
      case MANHOLE -> "MH";
    };
  }

  private static double calmValue(DeviceType type, RandomGenerator rnd) {
    double v =
        switch (type) {
          case WATER_LEVEL -> 0.0;
          case GEOLOGICAL_HAZARD -> 1 + rnd.nextDouble() * 4;
          case GAS -> rnd.nextDouble() * 2;
          case AIR_QUALITY -> 20 + rnd.nextDouble() * 40;
          case TRAFFIC_FLOW -> 300 + rnd.nextDouble() * 1500;
          case MANHOLE -> rnd.nextDouble() * 2;
          case CAMERA -> 0;
        };
    return Math.round(v * 100) / 100.0;
  }

  private static double alarmValue(DeviceType type, RandomGenerator rnd) {
    return switch (type) {
      case WATER_LEVEL -> 0.18 + rnd.nextDouble() * 0.1;
      case GEOLOGICAL_HAZARD -> 22 + rnd.nextDouble() * 10;
      case GAS -> 25 + rnd.nextDouble() * 20;
      case AIR_QUALITY -> 160 + rnd.nextDouble() * 60;
      case TRAFFIC_FLOW -> 3500 + rnd.nextDouble() * 800;
      case MANHOLE -> 20 + rnd.nextDouble() * 40;
      case CAMERA -> 0;
    };
  }

  Map<String, Device> all() {
    return devices;
  }

  Optional<Device> get(String id) {
    return Optional.ofNullable(devices.get(id));
  }

  /** A replayed or freshly generated device state. */
  void put(Device device) {
    devices.put(device.id(), device);
  }

  /**
   * The waterlogging sensor standing at the lowest spot of a district: the underpass that floods
   * first.
   */
  Device lowestWaterSensorIn(String districtCode) {
    return devices.values().stream()
        .filter(
            d ->
                d.type() == DeviceType.WATER_LEVEL
                    && d.location().districtCode().equals(districtCode))
        .max((a, b) -> Double.compare(lowness.get(a.id()), lowness.get(b.id())))
        .orElseThrow();
  }

  /**
   * Advances one step: random offline/fault/false-alarm events, recoveries, and standing water from
   * rain. Returns the devices that changed.
   */
  List<Device> step(
      Instant now, Duration dt, double rainMmPerHour, boolean updateWater, RandomGenerator rnd) {
    List<Device> changed = new ArrayList<>();
    double hours = dt.toMillis() / 3_600_000.0;
    excessRainMm = Math.max(0, excessRainMm + (rainMmPerHour - DRAINAGE_MM_PER_H) * hours);
    recover(now, changed);
    randomEvents(now, dt, rnd, changed);
    if (updateWater) {
      water(now, changed);
    }
    return changed;
  }

  private void recover(Instant now, List<Device> changed) {
    for (var it = recoversAt.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!now.isBefore(e.getValue())) {
        it.remove();
        Device d = devices.get(e.getKey());
        changed.add(
            update(with(d, DeviceStatus.ONLINE, d.lastReading(), d.alarm(), d.falseAlarmRate())));
      }
    }
    for (var it = falseAlarmEndsAt.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!now.isBefore(e.getValue())) {
        it.remove();
        Device d = devices.get(e.getKey());
        Reading calm =
            d.lastReading() == null
                ? null
                : new Reading(
                    calmValue(d.type(), new SplittableRandom(e.getKey().hashCode())),
                    d.type().unit(),
                    now);
        double rate = Math.min(1, d.falseAlarmRate() * 0.9 + 0.1);
        changed.add(update(with(d, d.status(), calm, false, Math.round(rate * 1000) / 1000.0)));
      }
    }
  }

  private void randomEvents(Instant now, Duration dt, RandomGenerator rnd, List<Device> changed) {
    double days = dt.toMillis() / 86_400_000.0;
    int n = devices.size();
    int offline = poisson(n * rates.offlinePerDay() * days, rnd);
    int faults = poisson(n * rates.faultPerDay() * days, rnd);
    int falseAlarms = poisson(n * rates.falseAlarmPerDay() * days, rnd);
    List<Device> all =
        offline + faults + falseAlarms == 0 ? List.of() : List.copyOf(devices.values());
    for (int i = 0; i < offline + faults; i++) {
      Device d = all.get(rnd.nextInt(all.size()));
      if (d.status() != DeviceStatus.ONLINE) {
        continue;
      }
      DeviceStatus status = i < offline ? DeviceStatus.OFFLINE : DeviceStatus.FAULT;
      recoversAt.put(d.id(), now.plus(Duration.ofMinutes(10 + rnd.nextInt(110))));
      changed.add(update(with(d, status, d.lastReading(), false, d.falseAlarmRate())));
    }
    for (int i = 0; i < falseAlarms; i++) {
      Device d = all.get(rnd.nextInt(all.size()));
      if (d.status() != DeviceStatus.ONLINE || d.alarm() || d.type() == DeviceType.CAMERA) {
        continue;
      }
      falseAlarmEndsAt.put(d.id(), now.plus(Duration.ofMinutes(2 + rnd.nextInt(8))));
      Reading spike =
          new Reading(Math.round(alarmValue(d.type(), rnd) * 100) / 100.0, d.type().unit(), now);
      changed.add(update(with(d, d.status(), spike, true, d.falseAlarmRate())));
    }
  }

  private void water(Instant now, List<Device> changed) {
    for (Device d : List.copyOf(devices.values())) {
      if (d.type() != DeviceType.WATER_LEVEL
          || d.status() != DeviceStatus.ONLINE
          || falseAlarmEndsAt.containsKey(d.id())) {
        continue;
      }
      double depth =
          Math.round(Math.min(1.2, excessRainMm * lowness.get(d.id()) * 0.015) * 100) / 100.0;
      double before = d.lastReading() == null ? 0 : d.lastReading().value();
      boolean alarm = depth >= WATER_ALARM_M;
      if (Math.abs(depth - before) >= 0.02 || alarm != d.alarm()) {
        double rate =
            alarm && !d.alarm()
                ? Math.round(d.falseAlarmRate() * 0.9 * 1000) / 1000.0
                : d.falseAlarmRate();
        changed.add(update(with(d, d.status(), new Reading(depth, "m", now), alarm, rate)));
      }
    }
  }

  /** A random reading change for load tests ({@code --rate}). */
  Device jitter(Instant now, RandomGenerator rnd) {
    Device d = List.copyOf(devices.values()).get(rnd.nextInt(devices.size()));
    if (d.lastReading() == null || d.alarm()) {
      return d;
    }
    double v = Math.max(0, d.lastReading().value() * (0.98 + rnd.nextDouble() * 0.04));
    return update(
        with(
            d,
            d.status(),
            new Reading(Math.round(v * 100) / 100.0, d.type().unit(), now),
            false,
            d.falseAlarmRate()));
  }

  double excessRainMm() {
    return excessRainMm;
  }

  private Device update(Device device) {
    devices.put(device.id(), device);
    return device;
  }

  private static Device with(
      Device d, DeviceStatus status, Reading reading, boolean alarm, double falseAlarmRate) {
    return new Device(
        d.id(), d.type(), d.name(), d.location(), status, reading, alarm, falseAlarmRate);
  }

  static int poisson(double mean, RandomGenerator rnd) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
    }
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** How often devices misbehave, per device per day. */
  record DeviceRates(double offlinePerDay, double faultPerDay, double falseAlarmPerDay) {}
}
