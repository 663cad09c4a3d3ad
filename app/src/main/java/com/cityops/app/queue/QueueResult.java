package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentStatus;
import com.cityops.app.state.CitySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One computed picture of the queue, made off the FX thread and handed over whole.
 *
 * @param generation grows with every result
 * @param criteria the filter and order it was made for
 * @param rows the cases shown, in order
 * @param positions where each shown case's id sits in {@code rows}
 * @param byStatus cases per open stage under every criterion but the stage
 * @param overdue shown cases overdue (by the backend or a run-out clock)
 * @param fresh ids first seen in this round (never in the first full load)
 * @param announce cases that newly reached grade Ⅰ or Ⅱ in this round (first seen, or raised)
 * @param categories every open case's category, sorted, for the filter
 * @param districts district code → what the operator reads, for the filter
 * @param streets street code → name within the chosen district (or all), for the filter
 * @param time the city state's time base (data time and when it was heard), for the clocks
 * @param backendNow the backend's time when it was computed
 * @param computeNanos how long the worker took to make it (query, filter, count, sort)
 */
public record QueueResult(
    long generation,
    Criteria criteria,
    List<Incident> rows,
    Map<String, Integer> positions,
    Map<IncidentStatus, Integer> byStatus,
    int overdue,
    List<String> fresh,
    List<Incident> announce,
    List<String> categories,
    Map<String, String> districts,
    Map<String, String> streets,
    CitySummary time,
    Instant backendNow,
    long computeNanos) {

  /** What the operator asked for. */
  public record Criteria(QueueFilter filter, QueueOrder order) {}

  public int total() {
    return rows.size();
  }
}
