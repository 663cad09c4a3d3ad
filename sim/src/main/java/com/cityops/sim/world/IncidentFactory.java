package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.ReporterContact;
import com.cityops.api.StatusTransition;
import com.cityops.sim.geo.CityGeography;
import com.cityops.sim.geo.District;
import com.cityops.sim.geo.GeoPoint;
import com.cityops.sim.geo.Grid;
import com.cityops.sim.geo.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes new cases: where (a grid, weighted towards the dense centre and the focus district), what
 * (a category by its weight), how severe, from which source, with deadlines by grade and the human
 * code {@code PT-20261122-0042} numbered per district and day. Not thread-safe (owned by the
 * world).
 */
final class IncidentFactory {
  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final CityGeography geography;
  private final String focusDistrictCode;
  private final double[] districtWeights;
  private final Map<String, Integer> dailyCounters = new HashMap<>();

  IncidentFactory(CityGeography geography, String focusDistrictCode) {
    this.geography = geography;
    this.focusDistrictCode = focusDistrictCode;
    List<District> districts = geography.districts();
    districtWeights = new double[districts.size()];
    for (int i = 0; i < districts.size(); i++) {
      District d = districts.get(i);
      // Grids are denser where people are, so grid count stands in for population.
      double weight =
          geography.streetsOf(d.code()).stream()
              .mapToInt(s -> geography.gridsOf(s.code()).size())
              .sum();
      districtWeights[i] = d.code().equals(focusDistrictCode) ? weight * 2 : weight;
    }
  }

  /** Notes a code seen in the journal so numbering continues after a restart. */
  void remember(Incident incident) {
    String prefix = incident.code().substring(0, incident.code().lastIndexOf('-'));
    int number = Integer.parseInt(incident.code().substring(incident.code().lastIndexOf('-') + 1));
    dailyCounters.merge(prefix, number, Math::max);
  }

  Incident create(CaseCategory category, IncidentLevel level, Instant now, RandomGenerator rnd) {
    District district = Weighted.pick(geography.districts(), districtWeights, rnd);
    return createIn(district, category, level, now, rnd);
  }

  Incident createIn(
      District district,
      CaseCategory category,
      IncidentLevel level,
      Instant now,
      RandomGenerator rnd) {
    var streets = geography.streetsOf(district.code());
    var street = streets.get(rnd.nextInt(streets.size()));
    var grids = geography.gridsOf(street.code());
    Grid grid = grids.get(rnd.nextInt(grids.size()));
    GeoPoint point = geography.randomPointIn(grid.boundary(), rnd);
    return createAt(
        point,
        new Place(district, street, grid),
        category,
        level,
        category.sources().get(rnd.nextInt(category.sources().size())),
        now,
        rnd);
  }

  Incident createAt(
      GeoPoint point,
      Place place,
      CaseCategory category,
      IncidentLevel level,
      IncidentSource source,
      Instant now,
      RandomGenerator rnd) {
    String address = geography.addressAt(place, rnd);
    String road = roadOf(address);
    String title =
        String.format(category.titles().get(rnd.nextInt(category.titles().size())), road);
    String code = nextCode(place.district(), now);
    ReporterContact reporter =
        source == IncidentSource.HOTLINE_12345 || source == IncidentSource.GRID_PATROL
            ? new ReporterContact(
                PeopleNames.name(rnd),
                PeopleNames.mobile(rnd),
                ResidentIds.forCase(
                    code, place.district().code(), LocalDate.ofInstant(now, CITY_ZONE)),
                false)
            : null;
    String actor =
        switch (source) {
          case HOTLINE_12345 -> "12345热线";
          case GRID_PATROL -> "网格员" + (reporter == null ? "" : reporter.name());
          case IOT_SENSOR -> "物联感知平台";
          case VIDEO_AI -> "视频智能识别";
          case DEPARTMENT_REPORT -> "部门上报";
        };
    Location location =
        new Location(
            point.lon(),
            point.lat(),
            address,
            place.district().code(),
            place.street().code(),
            place.grid().code());
    return new Incident(
        "inc-" + code.toLowerCase(),
        code,
        1,
        title,
        category.name(),
        source.zhName() + "发现：" + title + "。地址：" + address,
        level,
        source,
        location,
        IncidentStatus.DISCOVERED,
        List.of(new StatusTransition(IncidentStatus.DISCOVERED, now, actor, "发现上报")),
        level.responsibleLevel(),
        List.of(),
        now,
        now.plus(category.dispatchWithin(level)),
        now.plus(category.resolveWithin(level)),
        false,
        reporter,
        null);
  }

  static IncidentLevel level(CaseCategory category, RandomGenerator rnd) {
    double[] w = category.levelWeights();
    double total = w[0] + w[1] + w[2] + w[3];
    double r = rnd.nextDouble() * total;
    for (int i = 0; i < 4; i++) {
      r -= w[i];
      if (r < 0) {
        return IncidentLevel.values()[i];
      }
    }
    return IncidentLevel.IV;
  }

  private String nextCode(District district, Instant now) {
    String prefix = district.abbreviation() + "-" + LocalDate.ofInstant(now, CITY_ZONE).format(DAY);
    int number = dailyCounters.merge(prefix, 1, Integer::sum);
    return prefix + "-" + String.format("%04d", number);
  }

  private static String roadOf(String address) {
    int space = address.lastIndexOf(' ');
    String tail = space < 0 ? address : address.substring(space + 1);
    int number = 0;
    while (number < tail.length() && !Character.isDigit(tail.charAt(number))) {
      number++;
    }
    return number == 0 ? tail : tail.substring(0, number);
  }
}
