package com.cityops.sim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {
  static final List<IndicatorCatalog.DistrictRef> SHANGHAI =
      List.of(
          new IndicatorCatalog.DistrictRef("310101", "黄浦区"),
              new IndicatorCatalog.DistrictRef("310104", "徐汇区"),
          new IndicatorCatalog.DistrictRef("310105", "长宁区"),
              new IndicatorCatalog.DistrictRef("310106", "静安区"),
          new IndicatorCatalog.DistrictRef("310107", "普陀区"),
              new IndicatorCatalog.DistrictRef("310109", "虹口区"),
          new IndicatorCatalog.DistrictRef("310110", "杨浦区"),
              new IndicatorCatalog.DistrictRef("310112", "闵行区"),
          new IndicatorCatalog.DistrictRef("310113", "宝山区"),
              new IndicatorCatalog.DistrictRef("310114", "嘉定区"),
          new IndicatorCatalog.DistrictRef("310115", "浦东新区"),
              new IndicatorCatalog.DistrictRef("310116", "金山区"),
          new IndicatorCatalog.DistrictRef("310117", "松江区"),
              new IndicatorCatalog.DistrictRef("310118", "青浦区"),
          new IndicatorCatalog.DistrictRef("310120", "奉贤区"),
              new IndicatorCatalog.DistrictRef("310151", "崇明区"));
  static final List<IndicatorDefinition> CATALOG = IndicatorCatalog.build(SHANGHAI);
  static final Instant MONDAY_NOON = Instant.parse("2026-11-23T04:00:00Z");

  @Test
  void coversEveryDomainWithOverTwoHundredUniqueIndicators() {
    assertThat(CATALOG).hasSizeGreaterThanOrEqualTo(200);
    assertThat(new HashSet<>(CATALOG.stream().map(IndicatorDefinition::id).toList()))
        .hasSize(CATALOG.size());
    Map<IndicatorDomain, Long> perDomain =
        CATALOG.stream()
            .collect(Collectors.groupingBy(IndicatorDefinition::domain, Collectors.counting()));
    assertThat(perDomain).containsOnlyKeys(IndicatorDomain.values());
  }

  @Test
  void calmWeatherIsMostlyNormalButNotAlways() {
    var rnd = new SplittableRandom(42);
    int normal = 0;
    int total = 0;
    for (int i = 0; i < 500; i++) {
      Instant t = MONDAY_NOON.plus(Duration.ofMinutes(rnd.nextInt(7 * 24 * 60)));
      CityConditions conditions = new CityConditions(0, 300, Map.of());
      for (IndicatorDefinition def : CATALOG) {
        double v = IndicatorModel.sample(def, t, conditions, rnd);
        normal += def.threshold().classify(v) == IndicatorState.NORMAL ? 1 : 0;
        total++;
      }
    }
    assertThat((double) normal / total).isGreaterThan(0.95).isLessThan(1.0);
  }

  @Test
  void aRainstormSetsOffTheFloodIndicators() {
    var rnd = new SplittableRandom(1);
    CityConditions storm = new CityConditions(70, 300, Map.of());
    IndicatorDefinition rainfall = byId("flood.city_rainfall.city");
    assertThat(
            rainfall.threshold().classify(IndicatorModel.sample(rainfall, MONDAY_NOON, storm, rnd)))
        .isEqualTo(IndicatorState.ALARM);
    IndicatorDefinition congestion = byId("traffic.city_congestion_index.city");
    double calm =
        IndicatorModel.sample(
            congestion, MONDAY_NOON, CityConditions.calm(), new SplittableRandom(3));
    double wet = IndicatorModel.sample(congestion, MONDAY_NOON, storm, new SplittableRandom(3));
    assertThat(wet).isGreaterThan(calm);
  }

  @Test
  void rushHourIsBusierThanTheSmallHours() {
    IndicatorDefinition congestion = byId("traffic.city_congestion_index.city");
    double rush =
        IndicatorModel.sample(
            congestion,
            Instant.parse("2026-11-23T00:30:00Z"),
            CityConditions.calm(),
            new SplittableRandom(5));
    double night =
        IndicatorModel.sample(
            congestion,
            Instant.parse("2026-11-22T19:00:00Z"),
            CityConditions.calm(),
            new SplittableRandom(5));
    assertThat(rush).isGreaterThan(night + 2);
  }

  @Test
  void backfillIsDeterministic() {
    IndicatorDefinition def = CATALOG.get(0);
    var a =
        IndicatorModel.backfill(
            def, MONDAY_NOON.minus(Duration.ofHours(24)), MONDAY_NOON, Duration.ofMinutes(10), 9);
    var b =
        IndicatorModel.backfill(
            def, MONDAY_NOON.minus(Duration.ofHours(24)), MONDAY_NOON, Duration.ofMinutes(10), 9);
    assertThat(a).hasSize(145).isEqualTo(b);
  }

  private static IndicatorDefinition byId(String id) {
    return CATALOG.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }
}
