package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicator alarms the operator must see: an indicator entering ALARM raises one, shown until
 * acknowledged; an acknowledged alarm stays marked while the indicator is out of normal (an alarm
 * easing to a warning is not over) and is forgotten once it is back to NORMAL. Entering ALARM again
 * after that raises a new one. Newest first.
 *
 * <p>Not thread-safe (FX thread).
 */
final class AlarmBoard {
  /** One raised alarm. */
  record Raised(Indicator indicator, boolean acknowledged) {}

  private final Map<String, Raised> raised = new LinkedHashMap<>();

  /**
   * Takes an indicator's latest value; returns whether the board changed (an alarm raised, ended,
   * or its indicator's value changed).
   */
  boolean take(Indicator indicator) {
    Raised held = raised.get(indicator.id());
    if (held == null) {
      if (indicator.state() != IndicatorState.ALARM) {
        return false;
      }
      raised.put(indicator.id(), new Raised(indicator, false));
      return true;
    }
    if (indicator.state() == IndicatorState.NORMAL) {
      raised.remove(indicator.id());
      return true;
    }
    raised.put(indicator.id(), new Raised(indicator, held.acknowledged()));
    return true;
  }

  /** Drops indicators the store no longer holds (a snapshot replaced everything). */
  boolean retainOnly(java.util.Set<String> held) {
    return raised.keySet().retainAll(held);
  }

  /** Acknowledges one alarm; returns whether it was waiting. */
  boolean acknowledge(String id) {
    Raised held = raised.get(id);
    if (held == null || held.acknowledged()) {
      return false;
    }
    raised.put(id, new Raised(held.indicator(), true));
    return true;
  }

  /** Acknowledges every waiting alarm; returns how many were. */
  int acknowledgeAll() {
    int n = 0;
    for (String id : List.copyOf(raised.keySet())) {
      n += acknowledge(id) ? 1 : 0;
    }
    return n;
  }

  /** Alarms not yet acknowledged, newest first. */
  List<Raised> waiting() {
    List<Raised> out = new ArrayList<>();
    raised
        .values()
        .forEach(
            r -> {
              if (!r.acknowledged()) {
                out.add(0, r);
              }
            });
    return out;
  }

  boolean isAcknowledged(String id) {
    Raised r = raised.get(id);
    return r != null && r.acknowledged();
  }

  boolean isWaiting(String id) {
    Raised r = raised.get(id);
    return r != null && !r.acknowledged();
  }
}
