package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void medianOfOddAndEvenCountsMinMaxAndNewest() {
    Samples s = new Samples();
    for (double v : new double[] {5, 1, 9, 3, 7}) {
      s.add(v);
    }
    assertThat(s.median()).isEqualTo(5);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(9);
    assertThat(s.last()).isEqualTo(7);
    s.add(11);
    assertThat(s.median()).isEqualTo(6);
    assertThat(s.count()).isEqualTo(6);
  }

  @Test
  void growsPastItsFirstCapacity() {
    Samples s = new Samples();
    for (int i = 1; i <= 100; i++) {
      s.add(i);
    }
    assertThat(s.median()).isEqualTo(50.5);
    assertThat(s.max()).isEqualTo(100);
  }
}
