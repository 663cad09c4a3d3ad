package com.cityops.app.queue;

import com.cityops.api.Incident;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * How the queue is sorted: by one column, up or down. {@link #DEFAULT} is the duty order: grade (Ⅰ
 * first), then the nearest running deadline (cases without a running clock last), then the oldest
 * report.
 */
public record QueueOrder(Key key, boolean ascending) {
  public static final QueueOrder DEFAULT = new QueueOrder(Key.URGENCY, true);

  /** The sortable columns. */
  public enum Key {
    URGENCY,
    LEVEL,
    CODE,
    TITLE,
    CATEGORY,
    STATUS,
    TIER,
    PLACE,
    SOURCE,
    REPORTED,
    CLOCK,
    DEPARTMENTS
  }

  /**
   * The comparator over precomputed deadlines ({@code deadline} gives a case's running deadline,
   * {@link Instant#MAX} when none runs); ties always fall back to the id, so the order is total and
   * a list sorted twice is the same list.
   */
  Comparator<Incident> comparator(Function<Incident, Instant> deadline) {
    Comparator<Incident> byId = Comparator.comparing(Incident::id);
    Comparator<Incident> c =
        switch (key) {
          case URGENCY ->
              Comparator.comparing(Incident::level)
                  .thenComparing(deadline)
                  .thenComparing(Incident::reportedAt);
          case LEVEL -> Comparator.comparing(Incident::level);
          case CODE -> Comparator.comparing(Incident::code);
          case TITLE -> Comparator.comparing(Incident::title);
          case CATEGORY -> Comparator.comparing(Incident::category);
          case STATUS -> Comparator.comparing(Incident::status);
          case TIER ->
              Comparator.comparing(
                  (Incident i) ->
                      i.responsibleLevel() == null
                          ? i.level().responsibleLevel()
                          : i.responsibleLevel());
          case PLACE ->
              Comparator.comparing(
                  (Incident i) -> i.location() == null ? "" : i.location().address());
          case SOURCE -> Comparator.comparing(Incident::source);
          case REPORTED -> Comparator.comparing(Incident::reportedAt);
          case CLOCK -> Comparator.comparing(deadline);
          case DEPARTMENTS ->
              Comparator.comparing((Incident i) -> String.join(",", i.departments()));
        };
    return (ascending ? c : c.reversed()).thenComparing(byId);
  }
}
