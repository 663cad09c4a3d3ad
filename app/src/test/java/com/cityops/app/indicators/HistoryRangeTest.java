package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IndicatorSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryRangeTest {
  private static List<IndicatorSample> wave(int n, int spikeAt) {
    List<IndicatorSample> out = new ArrayList<>();
    Instant t = Instant.parse("2026-11-22T02:00:00Z");
    for (int i = 0; i < n; i++) {
      out.add(new IndicatorSample(t.plusSeconds(10L * i), i == spikeAt ? 99 : Math.sin(i / 50.0)));
    }
    return out;
  }

  @Test
  void fewSamplesAreKeptAsTheyAre() {
    List<IndicatorSample> few = wave(100, -1);
    assertThat(HistoryRange.thin(few, 480)).isSameAs(few);
  }

  @Test
  void manySamplesAreThinnedInTimeOrderKeepingASpike() {
    List<IndicatorSample> day = wave(8640, 4321);
    List<IndicatorSample> thin = HistoryRange.thin(day, 480);
    assertThat(thin.size()).isLessThanOrEqualTo(480).isGreaterThan(200);
    assertThat(thin).isSortedAccordingTo(Comparator.comparing(IndicatorSample::ts));
    assertThat(thin).anyMatch(s -> s.value() == 99);
    assertThat(thin.get(0)).isEqualTo(day.get(0));
  }
}
