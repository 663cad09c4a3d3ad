package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.app.state.CityState;
import com.cityops.app.state.CitySummary;
import com.cityops.app.state.IncidentQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the queue on its own thread ({@code cityops-queue}): asks the state's index, applies
 * what the index cannot, counts, sorts, and notices cases seen for the first time. Any number of
 * requests while it works collapse into one more run; state changes are answered at most every
 * {@link #STATE_GAP_MS} ms (a burst of events costs a few sorts a second, not one per event), a
 * changed filter or order at once.
 *
 * <p>Thread-safe: {@link #stateChanged()} and {@link #setCriteria} may be called from any thread
 * and never block. The result goes to {@code onResult} (called on the worker), which must only
 * schedule, typically {@code FxBridge::changed}; {@link #latest()} reads it.
 */
final class QueueWorker implements AutoCloseable {
  static final long STATE_GAP_MS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);

  private final CityState state;
  private final Clock clock;
  private final CaseClocks clocks;
  private final Runnable onResult;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicReference<QueueResult> latest = new AtomicReference<>();
  private volatile QueueResult.Criteria criteria =
      new QueueResult.Criteria(QueueFilter.NONE, QueueOrder.DEFAULT);

  // Worker thread only.
  private final Map<String, IncidentLevel> seen = new HashMap<>();
  private boolean baselineTaken;
  private long generation;
  private long lastRunNanos;

  QueueWorker(CityState state, Clock clock, CaseClocks clocks, Runnable onResult) {
    this.state = state;
    this.clock = clock;
    this.clocks = clocks;
    this.onResult = onResult;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            com.cityops.app.platform.DaemonThreads.named("cityops-queue"));
  }

  /** The city changed: recompute soon (at most every {@link #STATE_GAP_MS} ms). */
  void stateChanged() {
    if (pending.compareAndSet(false, true)) {
      long waitNanos =
          Math.max(
              0, lastRunNanos + TimeUnit.MILLISECONDS.toNanos(STATE_GAP_MS) - System.nanoTime());
      submit(waitNanos);
    }
  }

  /** The operator changed what the queue shows: recompute now. */
  void setCriteria(QueueFilter filter, QueueOrder order) {
    criteria = new QueueResult.Criteria(filter, order);
    pending.set(true);
    submit(0);
  }

  QueueResult.Criteria criteria() {
    return criteria;
  }

  QueueResult latest() {
    return latest.get();
  }

  private void submit(long delayNanos) {
    if (!thread.isShutdown()) {
      thread.schedule(this::runIfPending, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void runIfPending() {
    if (!pending.getAndSet(false)) {
      return;
    }
    lastRunNanos = System.nanoTime();
    try {
      latest.set(compute(criteria));
      onResult.run();
    } catch (RuntimeException e) {
      LOG.error("computing the incident queue failed; the last good queue stays shown", e);
    }
  }

  /** One full computation; package-private so tests can run it on their own thread. */
  QueueResult compute(QueueResult.Criteria asked) {
    long started = System.nanoTime();
    CitySummary time = state.summary();
    Instant localNow = clock.instant();
    Instant now = time.backendNow(localNow);
    if (now == null) {
      now = localNow;
    }
    QueueFilter filter = asked.filter();
    boolean loaded = time.seq() >= 0 && time.cachedAt() == null;

    List<Incident> open = state.query(IncidentQuery.open());
    List<String> fresh = new ArrayList<>();
    List<Incident> announce = new ArrayList<>();
    noticeNew(open, loaded, fresh, announce);

    List<Incident> candidates = state.query(filter.indexQuery());
    Set<IncidentStatus> stages = filter.shownStatuses();
    Map<IncidentStatus, Integer> byStatus = new EnumMap<>(IncidentStatus.class);
    for (IncidentStatus s : IncidentStatus.values()) {
      if (s.isOpen()) {
        byStatus.put(s, 0);
      }
    }
    List<Incident> rows = new ArrayList<>();
    int overdue = 0;
    for (Incident incident : candidates) {
      if (!filter.admits(incident, clocks, now)) {
        continue;
      }
      byStatus.merge(incident.status(), 1, Integer::sum);
      if (stages.contains(incident.status())) {
        rows.add(incident);
        if (clocks.overdue(incident, now)) {
          overdue++;
        }
      }
    }
    // A running deadline per case, worked out once rather than in every comparison.
    Map<Incident, Instant> deadlines = new IdentityHashMap<>(rows.size() * 2);
    for (Incident incident : rows) {
      RunningClock c = clocks.running(incident);
      deadlines.put(incident, c == null ? Instant.MAX : c.deadline());
    }
    rows.sort(asked.order().comparator(deadlines::get));
    Map<String, Integer> positions = new HashMap<>(rows.size() * 2);
    for (int i = 0; i < rows.size(); i++) {
      positions.put(rows.get(i).id(), i);
    }
    return new QueueResult(
        ++generation,
        asked,
        Collections.unmodifiableList(rows),
        Collections.unmodifiableMap(positions),
        Collections.unmodifiableMap(byStatus),
        overdue,
        List.copyOf(fresh),
        List.copyOf(announce),
        categories(open),
        districts(open),
        streets(open, filter.district()),
        time,
        now,
        System.nanoTime() - started);
  }

  /**
   * Records which cases have been seen. Before the first full load (and during it) everything is
   * only recorded: "new" means new since the operator started watching, not the whole snapshot.
   */
  private void noticeNew(
      List<Incident> open, boolean loaded, List<String> fresh, List<Incident> announce) {
    boolean marking = baselineTaken;
    for (Incident incident : open) {
      IncidentLevel before = seen.put(incident.id(), incident.level());
      if (!marking) {
        continue;
      }
      if (before == null) {
        fresh.add(incident.id());
      }
      boolean major = incident.level().compareTo(IncidentLevel.II) <= 0;
      if (major && (before == null || before.compareTo(IncidentLevel.II) > 0)) {
        announce.add(incident);
      }
    }
    if (loaded) {
      baselineTaken = true;
    }
    if (seen.size() > 2 * open.size() + 1_000) {
      Set<String> ids = new HashSet<>(open.size() * 2);
      open.forEach(i -> ids.add(i.id()));
      seen.keySet().retainAll(ids);
    }
  }

  private static List<String> categories(List<Incident> open) {
    Set<String> all = new TreeSet<>();
    open.forEach(i -> all.add(i.category()));
    return List.copyOf(all);
  }

  private static Map<String, String> districts(List<Incident> open) {
    Map<String, String> names = new TreeMap<>();
    for (Incident i : open) {
      if (i.location() != null && i.location().districtCode() != null) {
        names.computeIfAbsent(
            i.location().districtCode(),
            code -> PlaceLabels.district(i.location().address(), code));
      }
    }
    return Collections.unmodifiableMap(names);
  }

  private static Map<String, String> streets(List<Incident> open, String district) {
    Map<String, String> names = new TreeMap<>();
    for (Incident i : open) {
      if (i.location() != null
          && i.location().streetCode() != null
          && (district == null || district.equals(i.location().districtCode()))) {
        names.computeIfAbsent(
            i.location().streetCode(), code -> PlaceLabels.street(i.location().address(), code));
      }
    }
    return Collections.unmodifiableMap(names);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
