package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import com.cityops.api.Threshold;
import com.cityops.api.ThresholdDirection;
import com.cityops.app.shell.AreaScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndicatorFilterTest {
  static Indicator indicator(
      String name, IndicatorDomain domain, IndicatorState state, String district) {
    return new Indicator(
        name,
        name,
        domain,
        "",
        1,
        Instant.parse("2026-11-22T02:00:00Z"),
        new Threshold(7, 8, ThresholdDirection.ABOVE),
        state,
        district,
        List.of());
  }

  private final Indicator cityCongestion =
      indicator("全市道路拥堵指数", IndicatorDomain.TRAFFIC, IndicatorState.NORMAL, null);
  private final Indicator putuoAqi =
      indicator("普陀区AQI", IndicatorDomain.ENVIRONMENT, IndicatorState.WARNING, "310107");
  private final Indicator jinganAqi =
      indicator("静安区AQI", IndicatorDomain.ENVIRONMENT, IndicatorState.ALARM, "310106");

  @Test
  void allMatchesEverything() {
    assertThat(List.of(cityCongestion, putuoAqi, jinganAqi)).allMatch(IndicatorFilter.ALL::matches);
  }

  @Test
  void narrowsByDomainStateAndName() {
    assertThat(IndicatorFilter.ALL.withDomain(IndicatorDomain.TRAFFIC).matches(putuoAqi)).isFalse();
    assertThat(IndicatorFilter.ALL.withTroubleOnly(true).matches(cityCongestion)).isFalse();
    assertThat(IndicatorFilter.ALL.withTroubleOnly(true).matches(putuoAqi)).isTrue();
    assertThat(IndicatorFilter.ALL.withSearch(" aqi ").matches(putuoAqi)).isTrue();
    assertThat(IndicatorFilter.ALL.withSearch("拥堵").matches(putuoAqi)).isFalse();
  }

  @Test
  void aDistrictScopeKeepsCityWideAndThatDistrict() {
    IndicatorFilter f = IndicatorFilter.ALL.withScopeDistrict("310107");
    assertThat(f.matches(cityCongestion)).isTrue();
    assertThat(f.matches(putuoAqi)).isTrue();
    assertThat(f.matches(jinganAqi)).isFalse();
  }

  @Test
  void derivesTheDistrictOfAStreetOrGridFromItsCode() {
    Set<String> known = Set.of("310106", "310107");
    assertThat(IndicatorFilter.districtOf(AreaScope.CITY, known)).isNull();
    assertThat(
            IndicatorFilter.districtOf(
                new AreaScope(AreaScope.Level.DISTRICT, "310107", "普陀区"), known))
        .isEqualTo("310107");
    assertThat(
            IndicatorFilter.districtOf(
                new AreaScope(AreaScope.Level.GRID, "310107005012", "网格"), known))
        .isEqualTo("310107");
    String unknown =
        IndicatorFilter.districtOf(new AreaScope(AreaScope.Level.STREET, "999001", "某街道"), known);
    assertThat(unknown).isEqualTo(IndicatorFilter.CITY_WIDE_ONLY);
    IndicatorFilter f = IndicatorFilter.ALL.withScopeDistrict(unknown);
    assertThat(f.matches(cityCongestion)).isTrue();
    assertThat(f.matches(putuoAqi)).isFalse();
  }
}
