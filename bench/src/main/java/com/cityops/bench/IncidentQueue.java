package com.cityops.bench;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import com.cityops.app.fx.FxPlatform;
import com.cityops.app.queue.CaseClocks;
import com.cityops.app.queue.QueueFilter;
import com.cityops.app.queue.QueueOrder;
import com.cityops.app.queue.QueueResult;
import com.cityops.app.state.CityState;
import com.cityops.app.state.IncidentQuery;
import com.cityops.sim.SimConfig;
import com.cityops.sim.world.CityWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Parent;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import picocli.CommandLine.Option;

/**
 * Issue 9, workload 6 (Q1 of {@code /shared/BENCHMARKS.md}): 100,000 incidents — the reference
 * backend's generated cases (fixed seed), copied with new ids, codes and report times up to the
 * count — in a 1920×1080 window, against a plain {@code TableView} over {@code
 * SortedList(FilteredList(ObservableList))} holding the same cases.
 *
 * <ol>
 *   <li><b>Load</b>: the 100k into the model (ours: {@code CityState.replaceAll}, which builds the
 *       {@code IncidentIndex}, plus the queue worker's first full computation; the peer: the lists
 *       and the table).
 *   <li><b>1,000 updates/s</b> (seeded: open cases flip overdue or move one stage on): ours goes
 *       through {@code CityState.apply} on a writer thread, the queue's worker (at most every 250
 *       ms: query, filter, count, sort all open cases) and its FX bridge (the table's items patched
 *       or replaced in one change); the peer gets the same updates, batched per pulse through the
 *       same door, as {@code set} on its source list (an id→index map finds the row). FX work per
 *       pulse, frame interval, Painting, CPU.
 *   <li><b>Re-sort/filter</b> (updates stopped): six views in turn — all open cases in queue order,
 *       open Ⅰ–Ⅲ, open in one district by time, text "积水" by time, open + text "路" by code, every
 *       case by code — four rounds; ours = {@code CityState.query(IncidentQuery)} + sort + the
 *       shell's queue list shows the result; the peer = {@code setPredicate} + {@code
 *       setComparator}. Latency from the change to the end of that pulse's layout.
 * </ol>
 */
final class IncidentQueue {
  static final String NAME = "queue";
  private static final String DISTRICT = CityWorld.FOCUS_DISTRICT;

  @Option(names = "--incidents", description = "Incidents held.")
  int incidents = 100_000;

  @Option(names = "--rate", description = "Incident updates per second.")
  int rate = 1_000;

  @Option(names = "--seconds", description = "Measured seconds of updates per candidate.")
  int seconds = 15;

  @Option(names = "--warmup", description = "Seconds of updates before measuring.")
  int warmup = 5;

  @Option(names = "--rounds", description = "Rounds of the six re-sort/filter views.")
  int rounds = 4;

  @Option(names = "--seed", description = "Seed of the city and of the updates.")
  long seed = 42;

  @Option(names = "--quiet-wait", description = "Max seconds to wait for a quiet machine.")
  int quietWait = 30;

  @Option(names = "--out", description = "Results folder.")
  Path out = Path.of("target", "bench");

  @Option(names = "--child", hidden = true)
  String child;

  static int run(String[] args) throws Exception {
    IncidentQueue w = new IncidentQueue();
    if (!Cli.parse("queue", w, args)) {
      return 0;
    }
    return w.child != null ? w.runChild() : w.orchestrate();
  }

  private int orchestrate() throws Exception {
    ChildRuns children = new ChildRuns(NAME, out, quietWait, 1);
    List<String> args =
        List.of(
            "--incidents",
            Integer.toString(incidents),
            "--rate",
            Integer.toString(rate),
            "--seconds",
            Integer.toString(seconds),
            "--warmup",
            Integer.toString(warmup),
            "--rounds",
            Integer.toString(rounds),
            "--seed",
            Long.toString(seed),
            "--out",
            out.toString());
    long budget = seconds + warmup + 240L;
    JsonNode ours = children.run("ours", args, budget);
    JsonNode peer = children.run("tableview", args, budget);
    Results results = new Results(out);
    String p = "queue.";
    String peerName = "TableView + SortedList(FilteredList)";
    if (ours != null) {
      for (String m :
          List.of(
              "load_ms",
              "fx_work_p50",
              "fx_work_p99",
              "fx_work_max",
              "frame_interval_p50",
              "frame_interval_p99",
              "painting_p50",
              "painting_p99",
              "process_cpu_cores",
              "heap_after_gc_mib",
              "resort_filter_p50",
              "resort_filter_p99",
              "resort_filter_max",
              "resort_filter_model_p50")) {
        String unit = m.endsWith("cores") ? "cores" : m.endsWith("mib") ? "MiB" : "ms";
        Results.Metric metric = results.metric(p + "ours." + m, ours.path(m).asDouble(), unit);
        if (peer != null) {
          metric.peer(peer.path(m).asDouble(), peerName);
        }
        switch (m) {
          case "fx_work_p99" -> metric.atMost(16.7, "one 60 Hz frame (T_pulse) at 1,000 updates/s");
          case "resort_filter_p99" -> metric.atMost(16.7, "a re-sort/filter within one frame");
          case "load_ms" -> metric.atMost(200, "Q1: initial load of 100k <= 200 ms");
          default -> {}
        }
      }
      results.info(p + "ours.updates_per_s", ours.path("updates_per_s").asDouble(), "1/s");
      results.info(
          p + "ours.apply_us_per_update", ours.path("apply_us_per_update").asDouble(), "µs");
      results.info(p + "ours.other_cpu_cores", ours.path("other_cpu_cores").asDouble(), "cores");
    }
    if (peer != null) {
      for (String m :
          List.of(
              "load_ms",
              "fx_work_p50",
              "fx_work_p99",
              "frame_interval_p99",
              "painting_p50",
              "process_cpu_cores",
              "resort_filter_p50",
              "resort_filter_p99")) {
        String unit = m.endsWith("cores") ? "cores" : "ms";
        results.info(p + "tableview." + m, peer.path(m).asDouble(), unit);
      }
      results.info(p + "tableview.updates_per_s", peer.path("updates_per_s").asDouble(), "1/s");
      results.info(
          p + "tableview.other_cpu_cores", peer.path("other_cpu_cores").asDouble(), "cores");
    }
    if (ours != null && peer != null) {
      ratio(results, p + "resort_filter_p50_ours_over_tableview", ours, peer, "resort_filter_p50");
      ratio(results, p + "load_ours_over_tableview", ours, peer, "load_ms");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("machine", Machine.describe());
    context.put(
        "workload",
        String.format(
            Locale.ROOT,
            "queue incidents=%d rate=%d seconds=%d warmup=%d rounds=%d seed=%d, 1920x1080",
            incidents,
            rate,
            seconds,
            warmup,
            rounds,
            seed));
    results.write(context);
    return ours != null && peer != null ? 0 : 1;
  }

  private static void ratio(
      Results results, String name, JsonNode ours, JsonNode peer, String metric) {
    double r = ours.path(metric).asDouble() / peer.path(metric).asDouble();
    results.metric(name, r, "x").atMost(0.5, "issue 9: at least 2x better than the peer");
  }

  // ---------------------------------------------------------------- data

  /** The sim's cases (seeded), copied with new ids, codes and report times up to {@code count}. */
  static List<Incident> incidents(long seed, int count) {
    List<Incident> generated;
    try (CityWorld world =
        CityWorld.create(
            SimConfig.builder()
                .seed(seed)
                .start(IngestCorpus.START)
                .incidentsPerHour(4_000)
                .journalMemory(1_000)
                .build(),
            IngestCorpus.START)) {
      generated = world.snapshot(Role.OPERATOR).incidents();
    }
    List<Incident> all = new ArrayList<>(count);
    for (int copy = 0; all.size() < count; copy++) {
      for (Incident i : generated) {
        if (all.size() == count) {
          break;
        }
        all.add(copy == 0 ? i : copyOf(i, copy));
      }
    }
    return all;
  }

  private static Incident copyOf(Incident i, int copy) {
    Duration earlier = Duration.ofSeconds(61L * copy);
    return new Incident(
        i.id() + "-" + copy,
        i.code() + "-" + copy,
        i.version(),
        i.title(),
        i.category(),
        i.description(),
        i.level(),
        i.source(),
        i.location(),
        i.status(),
        i.timeline(),
        i.responsibleLevel(),
        i.departments(),
        i.reportedAt().minus(earlier),
        i.dispatchDeadline() == null ? null : i.dispatchDeadline().minus(earlier),
        i.resolveDeadline() == null ? null : i.resolveDeadline().minus(earlier),
        i.overdue(),
        i.reporter(),
        i.mergedInto());
  }

  /** The case moved one stage on, as the next version. */
  private static Incident advanced(Incident i) {
    IncidentStatus next = IncidentStatus.values()[i.status().ordinal() + 1];
    return new Incident(
        i.id(),
        i.code(),
        i.version() + 1,
        i.title(),
        i.category(),
        i.description(),
        i.level(),
        i.source(),
        i.location(),
        next,
        i.timeline(),
        i.responsibleLevel(),
        i.departments(),
        i.reportedAt(),
        i.dispatchDeadline(),
        i.resolveDeadline(),
        i.overdue(),
        i.reporter(),
        i.mergedInto());
  }

  /** One view of the queue: the product's query and the same criteria as a predicate. */
  private record View(String label, IncidentQuery query, Comparator<Incident> order) {
    Predicate<Incident> predicate() {
      List<String> words = query.text().isBlank() ? List.of() : List.of(query.text().split("\\s+"));
      return i ->
          (query.statuses().isEmpty() || query.statuses().contains(i.status()))
              && (query.levels().isEmpty() || query.levels().contains(i.level()))
              && (query.districts().isEmpty()
                  || (i.location() != null
                      && query.districts().contains(i.location().districtCode())))
              && words.stream().allMatch(w -> searchText(i).contains(w));
    }
  }

  /** What the index searches (code, title, category, address), lower-cased. */
  private static String searchText(Incident i) {
    String address =
        i.location() == null || i.location().address() == null ? "" : i.location().address();
    return String.join("\n", i.code(), i.title(), i.category(), address).toLowerCase(Locale.ROOT);
  }

  static final Comparator<Incident> QUEUE_ORDER =
      Comparator.comparing(Incident::level)
          .thenComparing(Incident::reportedAt, Comparator.reverseOrder())
          .thenComparing(Incident::id);
  private static final Comparator<Incident> BY_TIME =
      Comparator.comparing(Incident::reportedAt, Comparator.reverseOrder())
          .thenComparing(Incident::id);
  private static final Comparator<Incident> BY_CODE =
      Comparator.comparing(Incident::code).thenComparing(Incident::id);

  private static List<View> views() {
    IncidentQuery open = IncidentQuery.open();
    return List.of(
        new View("open", open, QUEUE_ORDER),
        new View(
            "open I-III",
            open.withLevels(EnumSet.of(IncidentLevel.I, IncidentLevel.II, IncidentLevel.III)),
            QUEUE_ORDER),
        new View("open in district", open.withDistricts(Set.of(DISTRICT)), BY_TIME),
        new View("text 积水", IncidentQuery.all().matching("积水"), BY_TIME),
        new View("open + text 路", open.matching("路"), BY_CODE),
        new View("all by code", IncidentQuery.all(), BY_CODE));
  }

  // ---------------------------------------------------------------- one candidate (child JVM)

  private int runChild() throws Exception {
    long t0 = System.nanoTime();
    List<Incident> data = incidents(seed, incidents);
    System.out.printf(
        Locale.ROOT,
        "%,d incidents (%,d open) in %.1f s%n",
        data.size(),
        data.stream().filter(i -> i.status().isOpen()).count(),
        (System.nanoTime() - t0) / 1e9);
    boolean ours = child.equals("ours");
    Map<String, Object> f =
        FxWindowRun.measure(
            () -> ours ? new Ours(data) : new Table(data), 1920, 1080, ours, warmup, seconds);
    Path file = ChildRuns.file(out, NAME, child);
    Files.createDirectories(file.getParent());
    Files.writeString(file, com.cityops.api.Json.write(f) + "\n");
    System.out.println("  " + f);
    Thread.sleep(300);
    return 0;
  }

  /** The seeded update stream and the re-sort/filter rounds, the same for both candidates. */
  private abstract class Candidate implements FxWindowRun.Subject {
    final Executor door = FxPlatform.pulseExecutor(null);
    final Map<String, Incident> current = new HashMap<>();
    private final List<String> open = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean measuring;
    private long measuredUpdates;
    private long measuredNanos;
    private Thread writer;
    double loadMs;

    Candidate(List<Incident> data) {
      for (Incident i : data) {
        current.put(i.id(), i);
        if (i.status().isOpen()) {
          open.add(i.id());
        }
      }
    }

    /** Applies a batch of updates (writer thread). */
    abstract void apply(List<Incident> batch);

    /**
     * Shows one view (FX thread, at the start of a pulse) and calls {@code shown} on the FX thread
     * with the model's nanoseconds once the view's rows are in the table (at once for the peer,
     * when its worker's result is applied for ours); the pulse's layout after that ends the timing.
     */
    abstract void show(View view, LongConsumer shown);

    @Override
    public void start() {
      writer = new Thread(this::write, "bench-incident-feed");
      writer.setDaemon(true);
      writer.start();
    }

    private void write() {
      SplittableRandom random = new SplittableRandom(seed + 7);
      long t0 = System.nanoTime();
      long done = 0;
      List<Incident> batch = new ArrayList<>();
      while (running.get()) {
        LockSupport.parkNanos(2_000_000);
        long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
        batch.clear();
        for (; done < due && !open.isEmpty(); done++) {
          int k = random.nextInt(open.size());
          Incident i = current.get(open.get(k));
          Incident next =
              random.nextDouble() < 0.7
                  ? i.withOverdue(!i.overdue(), i.version() + 1)
                  : advanced(i);
          current.put(next.id(), next);
          if (!next.status().isOpen()) {
            open.set(k, open.get(open.size() - 1));
            open.remove(open.size() - 1);
          }
          batch.add(next);
        }
        if (!batch.isEmpty()) {
          long a0 = System.nanoTime();
          apply(batch);
          if (measuring) {
            measuredNanos += System.nanoTime() - a0;
            measuredUpdates += batch.size();
          }
        }
      }
    }

    @Override
    public void measuring(boolean on) {
      measuring = on;
    }

    @Override
    public void stop() throws InterruptedException {
      running.set(false);
      writer.join(5_000);
    }

    /** The re-sort/filter rounds: each view applied at a pulse's start, timed to its layout. */
    @Override
    public Map<String, Object> after() throws Exception {
      Thread.sleep(1_000); // the last updates settle
      List<View> views = views();
      int n = views.size() * rounds;
      long[] total = new long[n];
      long[] model = new long[n];
      for (int k = 0; k < n; k++) {
        View view = views.get(k % views.size());
        CompletableFuture<long[]> done = new CompletableFuture<>();
        door.execute(
            () -> {
              long t0 = System.nanoTime();
              show(
                  view,
                  m -> {
                    var scene = root().getScene();
                    Runnable[] once = new Runnable[1];
                    once[0] =
                        () -> {
                          scene.removePostLayoutPulseListener(once[0]);
                          done.complete(new long[] {System.nanoTime() - t0, m});
                        };
                    scene.addPostLayoutPulseListener(once[0]);
                  });
            });
        long[] r = done.get(30, TimeUnit.SECONDS);
        total[k] = r[0];
        model[k] = r[1];
        Thread.sleep(200);
      }
      Map<String, Object> f = new LinkedHashMap<>();
      long[] t = Stats.sorted(total, n);
      long[] m = Stats.sorted(model, n);
      f.put("resort_filter_p50", Stats.ms(Stats.pct(t, 0.5)));
      f.put("resort_filter_p99", Stats.ms(Stats.pct(t, 0.99)));
      f.put("resort_filter_max", Stats.ms(Stats.pct(t, 1)));
      f.put("resort_filter_model_p50", Stats.ms(Stats.pct(m, 0.5)));
      Map<String, Object> perView = new LinkedHashMap<>();
      for (int v = 0; v < views.size(); v++) {
        long[] one = new long[rounds];
        for (int r = 0; r < rounds; r++) {
          one[r] = total[r * views.size() + v];
        }
        perView.put(views.get(v).label(), Stats.ms(Stats.pct(Stats.sorted(one, rounds), 0.5)));
      }
      f.put("resort_filter_by_view_p50", perView);
      return f;
    }

    Map<String, Object> feedFigures(double seconds) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("load_ms", loadMs);
      f.put("updates_per_s", measuredUpdates / seconds);
      f.put(
          "apply_us_per_update", measuredUpdates == 0 ? 0 : measuredNanos / 1e3 / measuredUpdates);
      return f;
    }
  }

  /**
   * The app's queue ({@code app.queue.IncidentQueue}): the state's index, the queue's own worker
   * (query, filter, count, sort off the FX thread), its FX bridge and its table, in the window as
   * in the shell's right column (with its banner). The queue holds open cases only (在办), so the
   * views over every case ("text 积水", "all by code") show its open cases.
   */
  private final class Ours extends Candidate {
    private final CityState state = new CityState();
    private final com.cityops.app.queue.IncidentQueue queue;
    private final double replaceMs;
    private Parent root;
    private long seq = 1;

    Ours(List<Incident> data) {
      super(data);
      long t0 = System.nanoTime();
      state.replaceAll(
          new Snapshot(
              seq,
              IngestCorpus.START,
              com.cityops.api.OperatingMode.NORMAL,
              data,
              List.of(),
              List.of(),
              List.of()));
      state.setFeedStatus(new FeedStatus(FeedState.LIVE, Instant.now(), "bench", null));
      replaceMs = (System.nanoTime() - t0) / 1e6;
      queue =
          new com.cityops.app.queue.IncidentQueue(
              BenchWorkbench.of(state), null, CaseClocks.defaults(), tone -> {});
      // Load = the index built + the queue's first full computation (on its worker).
      queue
          .model()
          .resultProperty()
          .addListener(
              (obs, was, now) -> {
                if (was == null) {
                  loadMs = replaceMs + now.computeNanos() / 1e6;
                }
              });
    }

    @Override
    public Parent root() {
      if (root == null) {
        BorderPane pane = new BorderPane(queue.panel());
        pane.setTop(queue.banner());
        root = pane;
      }
      return root;
    }

    @Override
    void apply(List<Incident> batch) {
      state.heard(Instant.now());
      for (Incident i : batch) {
        state.apply(
            new StreamEnvelope(++seq, IngestCorpus.START, StreamEventType.INCIDENT_UPSERT, i));
      }
    }

    @Override
    void show(View view, LongConsumer shown) {
      QueueOrder order =
          view.order() == QUEUE_ORDER
              ? QueueOrder.DEFAULT
              : view.order() == BY_TIME
                  ? new QueueOrder(QueueOrder.Key.REPORTED, false)
                  : new QueueOrder(QueueOrder.Key.CODE, true);
      IncidentQuery q = view.query();
      QueueFilter filter =
          QueueFilter.NONE
              .withLevels(q.levels())
              .withDistrict(q.districts().isEmpty() ? null : q.districts().iterator().next())
              .withText(q.text());
      QueueResult.Criteria asked = new QueueResult.Criteria(filter, order);
      QueueResult current = queue.model().resultProperty().get();
      if (current != null && current.criteria().equals(asked)) {
        shown.accept(0);
        return;
      }
      ChangeListener<QueueResult> onResult =
          new ChangeListener<>() {
            @Override
            public void changed(
                ObservableValue<? extends QueueResult> obs, QueueResult was, QueueResult now) {
              if (now.criteria().equals(asked)) {
                obs.removeListener(this);
                shown.accept(now.computeNanos());
              }
            }
          };
      queue.model().resultProperty().addListener(onResult);
      queue.show(filter, order);
    }

    @Override
    public Map<String, Object> figures(double seconds) {
      return feedFigures(seconds);
    }
  }

  /** The peer: a TableView over SortedList(FilteredList(ObservableList)) of the same cases. */
  private final class Table extends Candidate {
    private final ObservableList<Incident> source;
    private final FilteredList<Incident> filtered;
    private final SortedList<Incident> sorted;
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final ConcurrentLinkedQueue<Incident> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final TableView<Incident> table = new TableView<>();

    Table(List<Incident> data) {
      super(data);
      long t0 = System.nanoTime();
      source = FXCollections.observableArrayList(data);
      for (int i = 0; i < data.size(); i++) {
        rowOf.put(data.get(i).id(), i);
      }
      filtered = new FilteredList<>(source, i -> i.status().isOpen());
      sorted = new SortedList<>(filtered, QUEUE_ORDER);
      column("级别", i -> i.level().roman());
      column("编号", Incident::code);
      column("标题", Incident::title);
      column("类别", Incident::category);
      column("阶段", i -> i.status().zhName() + (i.overdue() ? " · 超时" : ""));
      column("地址", i -> i.location() == null ? "" : i.location().address());
      table.setItems(sorted);
      loadMs = (System.nanoTime() - t0) / 1e6;
    }

    private void column(String title, java.util.function.Function<Incident, String> value) {
      TableColumn<Incident, String> c = new TableColumn<>(title);
      c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
      c.setSortable(false);
      table.getColumns().add(c);
    }

    @Override
    public Parent root() {
      return table;
    }

    @Override
    void apply(List<Incident> batch) {
      pending.addAll(batch);
      if (scheduled.compareAndSet(false, true)) {
        door.execute(this::drain);
      }
    }

    private void drain() {
      scheduled.set(false);
      for (Incident i; (i = pending.poll()) != null; ) {
        source.set(rowOf.get(i.id()), i);
      }
    }

    @Override
    void show(View view, LongConsumer shown) {
      long t0 = System.nanoTime();
      filtered.setPredicate(view.predicate());
      sorted.setComparator(view.order());
      shown.accept(System.nanoTime() - t0);
    }

    @Override
    public Map<String, Object> figures(double seconds) {
      return feedFigures(seconds);
    }
  }
}
