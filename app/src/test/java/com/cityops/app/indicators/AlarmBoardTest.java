package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import com.cityops.api.Threshold;
import com.cityops.api.ThresholdDirection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlarmBoardTest {
  static Indicator indicator(String id, IndicatorState state) {
    return new Indicator(
        id,
        "指标 " + id,
        IndicatorDomain.TRAFFIC,
        "",
        1,
        Instant.parse("2026-11-22T02:00:00Z"),
        new Threshold(7, 8, ThresholdDirection.ABOVE),
        state,
        null,
        List.of());
  }

  @Test
  void enteringAlarmRaisesOneWaitingAlarm() {
    AlarmBoard board = new AlarmBoard();
    assertThat(board.take(indicator("a", IndicatorState.WARNING))).isFalse();
    assertThat(board.take(indicator("a", IndicatorState.ALARM))).isTrue();
    board.take(indicator("a", IndicatorState.ALARM));
    assertThat(board.waiting()).hasSize(1);
    assertThat(board.isWaiting("a")).isTrue();
  }

  @Test
  void severalAlarmsStackNewestFirst() {
    AlarmBoard board = new AlarmBoard();
    board.take(indicator("a", IndicatorState.ALARM));
    board.take(indicator("b", IndicatorState.ALARM));
    assertThat(board.waiting()).extracting(r -> r.indicator().id()).containsExactly("b", "a");
  }

  @Test
  void acknowledgedStaysMarkedUntilBackToNormal() {
    AlarmBoard board = new AlarmBoard();
    board.take(indicator("a", IndicatorState.ALARM));
    assertThat(board.acknowledge("a")).isTrue();
    assertThat(board.acknowledge("a")).isFalse();
    assertThat(board.waiting()).isEmpty();
    board.take(indicator("a", IndicatorState.WARNING));
    assertThat(board.isAcknowledged("a")).isTrue();
    board.take(indicator("a", IndicatorState.ALARM));
    assertThat(board.waiting()).isEmpty();
    board.take(indicator("a", IndicatorState.NORMAL));
    assertThat(board.isAcknowledged("a")).isFalse();
    board.take(indicator("a", IndicatorState.ALARM));
    assertThat(board.isWaiting("a")).isTrue();
  }

  @Test
  void acknowledgeAllCountsAndForgetsIndicatorsNoLongerHeld() {
    AlarmBoard board = new AlarmBoard();
    board.take(indicator("a", IndicatorState.ALARM));
    board.take(indicator("b", IndicatorState.ALARM));
    assertThat(board.acknowledgeAll()).isEqualTo(2);
    assertThat(board.retainOnly(Set.of("b"))).isTrue();
    assertThat(board.isAcknowledged("a")).isFalse();
    assertThat(board.isAcknowledged("b")).isTrue();
  }
}
