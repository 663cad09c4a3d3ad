package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyIndicatorsTest {
  private static Indicator of(String id, IndicatorDomain domain, String district) {
    Indicator base = IndicatorFilterTest.indicator(id, domain, IndicatorState.NORMAL, district);
    return base;
  }

  @Test
  void pinsTheHeadlinesThenTheFirstCityWideIndicatorOfEachOtherDomain() {
    List<Indicator> held =
        List.of(
            of("gas.b.city", IndicatorDomain.GAS, null),
            of("gas.a.city", IndicatorDomain.GAS, null),
            of("gas.a.310107", IndicatorDomain.GAS, "310107"),
            of("env.city_aqi.city", IndicatorDomain.ENVIRONMENT, null),
            of("env.pm25.city", IndicatorDomain.ENVIRONMENT, null),
            of("traffic.city_congestion_index.city", IndicatorDomain.TRAFFIC, null),
            of("fire.x.310107", IndicatorDomain.FIRE, "310107"));
    assertThat(KeyIndicators.defaults(held))
        .containsExactly("traffic.city_congestion_index.city", "env.city_aqi.city", "gas.a.city");
  }

  @Test
  void aBackendWithOtherIdsStillGetsOnePerDomain() {
    List<Indicator> held =
        List.of(
            of("t1", IndicatorDomain.TRAFFIC, null),
            of("h1", IndicatorDomain.HOTLINE, null),
            of("h0", IndicatorDomain.HOTLINE, "310107"));
    assertThat(KeyIndicators.defaults(held)).containsExactly("t1", "h1");
  }
}
