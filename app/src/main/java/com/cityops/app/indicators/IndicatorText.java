package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import com.cityops.api.Threshold;
import com.cityops.api.ThresholdDirection;
import com.cityops.app.i18n.Messages;
import com.cityops.app.state.Freshness;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** How indicator values, states, limits and ages read on tiles and in the detail. */
final class IndicatorText {
  private IndicatorText() {}

  /** 18.0 reads as 18, 3.14159 as 3.14, 52341.6 as 52342: at most 2 decimals, fewer when large. */
  static String value(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    int decimals = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
    return BigDecimal.valueOf(value)
        .setScale(decimals, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The state as a shape, so it is never told by colour alone: none, ▲ warning, ◆ alarm. */
  static String shape(IndicatorState state) {
    return switch (state) {
      case NORMAL -> "";
      case WARNING -> "▲";
      case ALARM -> "◆";
    };
  }

  static String stateName(Messages messages, IndicatorState state) {
    return messages.get("indicator.state." + state.name().toLowerCase());
  }

  /** e.g. "预警 ≥ 7 · 告警 ≥ 8" (≤ for indicators in trouble when they fall). */
  static String limits(Messages messages, Indicator indicator) {
    Threshold t = indicator.threshold();
    if (t == null) {
      return messages.get("indicator.limits.none");
    }
    String op = t.direction() == ThresholdDirection.ABOVE ? "≥" : "≤";
    return messages.format(
        "indicator.limits", op, value(t.warning()), value(t.alarm()), indicator.unit());
  }

  /**
   * The age as a tile shows it: "实时" while live, else the mark and age, e.g. "◇ 延迟 2分钟"; the
   * offline cache says so.
   */
  static String age(
      Messages messages, Freshness freshness, boolean cached, Instant ts, Instant backendNow) {
    if (freshness == Freshness.LIVE) {
      return messages.get("freshness.live");
    }
    String label = cached ? "freshness.cached" : "freshness." + freshness.name().toLowerCase();
    if (ts == null || backendNow == null) {
      return messages.get(label);
    }
    return messages.get(label) + " " + duration(messages, Duration.between(ts, backendNow));
  }

  static String duration(Messages messages, Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return messages.format("duration.seconds", s);
    }
    if (s < 7200) {
      return messages.format("duration.minutes", s / 60);
    }
    return messages.format("duration.hours", s / 3600);
  }

  static String domain(Messages messages, com.cityops.api.IndicatorDomain domain) {
    return messages.get("indicator.domain." + domain.name().toLowerCase());
  }
}
