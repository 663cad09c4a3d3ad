package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IndicatorSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendTest {
  private static List<IndicatorSample> series(String values) {
    List<IndicatorSample> out = new ArrayList<>();
    Instant t = Instant.parse("2026-11-22T02:00:00Z");
    for (String v : values.split(" ")) {
      out.add(new IndicatorSample(t, Double.parseDouble(v)));
      t = t.plusSeconds(10);
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "'5', STEADY",
    "'1 2', UP",
    "'2 1', DOWN",
    "'10 10 10 11 12 13', UP",
    "'13 12 11 10 10 10', DOWN",
    "'100 100.2 99.9 100.1 100 100.3', STEADY",
    "'0 0 0 0', STEADY",
    "'-5 -5 -5 -2 -1 -1', UP",
  })
  void readsTheDirectionAndIgnoresNoise(String values, Trend expected) {
    assertThat(Trend.of(series(values))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"UP, ↑", "DOWN, ↓", "STEADY, →"})
  void showsAnArrow(Trend trend, String arrow) {
    assertThat(trend.arrow()).isEqualTo(arrow);
  }
}
