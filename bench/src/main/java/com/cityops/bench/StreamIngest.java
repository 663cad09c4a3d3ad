package com.cityops.bench;

import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.fx.FxPlatform;
import com.cityops.app.fx.PulseStats;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.ShellView;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.app.state.CityState;
import com.cityops.app.state.CitySummary;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import picocli.CommandLine.Option;

/**
 * Issue 9, workload 1 (R9 of {@code /shared/BENCHMARKS.md}): JSON messages per second from a real
 * WebSocket into the city state. The reference backend's recorded stream ({@link IngestCorpus},
 * fixed seed) is replayed over loopback by {@link ReplayServer} as fast as the socket takes it,
 * into
 *
 * <ul>
 *   <li><b>floor</b> — an OkHttp WebSocket client that only counts the messages (receive + UTF-8
 *       decode: what any client pays before parsing; F_recv);
 *   <li><b>ours</b> — the app's real path: {@code BackendClient} + {@code LiveFeed} (sign-in,
 *       snapshot, stream from its seq, the seq checks) into {@code CityState};
 *   <li><b>ours + FX</b> — the same with the app's FX bridge and shell in a 1920×1080 window, wired
 *       as {@code CityOpsApp} does (one summary per pulse through the pulse executor), so the
 *       summary, the views and the painting compete for the 2 cores as in the app.
 * </ul>
 *
 * Candidates run interleaved (floor, ours, ours+FX, then again) after a warm-up; medians of {@code
 * --runs}. Then, once, the real reference backend ({@code SimServer}) over its own WebSocket, its
 * load generator producing on the same machine: the whole system on one box. Target: ≥ 50,000
 * messages/s into state.
 */
final class StreamIngest {
  static final String NAME = "ingest";
  static final double TARGET = 50_000;

  @Option(names = "--messages", description = "Recorded messages replayed per run.")
  int messages = 200_000;

  @Option(names = "--runs", description = "Measured runs per candidate (median).")
  int runs = 3;

  @Option(names = "--seed", description = "Seed of the simulated city.")
  long seed = 42;

  @Option(names = "--sim-messages", description = "Messages for the real-backend run (0: none).")
  int simMessages = 60_000;

  @Option(names = "--no-fx", description = "Skip the run through the FX bridge (no toolkit).")
  boolean noFx;

  @Option(names = "--out", description = "Results folder.")
  Path out = Path.of("target", "bench");

  private boolean fxStarted;

  static int run(String[] args) throws Exception {
    StreamIngest w = new StreamIngest();
    if (!Cli.parse("ingest", w, args)) {
      return 0;
    }
    return w.measure();
  }

  /** One run's figures. */
  private record Run(double msgsPerSecond, double otherCores, long[] pulseWork) {}

  private int measure() throws Exception {
    long t0 = System.nanoTime();
    IngestCorpus corpus = IngestCorpus.record(seed, messages);
    System.out.printf(
        Locale.ROOT,
        "recorded %,d messages in %.1f s: %s%n",
        messages,
        (System.nanoTime() - t0) / 1e9,
        corpus.mix());
    Map<String, List<Run>> byCandidate = new LinkedHashMap<>();
    try (ReplayServer server = ReplayServer.start(corpus)) {
      // Warm-up: the JIT compiles the client's paths before anything is measured.
      floor(server, corpus);
      ours(server, corpus, false);
      if (!noFx) {
        ours(server, corpus, true);
      }
      for (int r = 0; r < runs; r++) {
        byCandidate.computeIfAbsent("floor", k -> new ArrayList<>()).add(floor(server, corpus));
        byCandidate
            .computeIfAbsent("ours", k -> new ArrayList<>())
            .add(ours(server, corpus, false));
        if (!noFx) {
          byCandidate
              .computeIfAbsent("ours_fx", k -> new ArrayList<>())
              .add(ours(server, corpus, true));
        }
        System.out.printf(Locale.ROOT, "run %d: %s%n", r + 1, describe(byCandidate, r));
      }
    }
    Run sim = simMessages > 0 ? realBackend() : null;

    Results results = new Results(out);
    String p = "ingest.ws.";
    double floor = median(byCandidate.get("floor"));
    spread(results.metric(p + "floor_okhttp_receive", floor, "msg/s"), byCandidate.get("floor"));
    double ours = median(byCandidate.get("ours"));
    spread(
        results
            .metric(p + "into_state", ours, "msg/s")
            .peer(floor, "OkHttp receive-only (F_recv), same socket and messages")
            .atLeast(TARGET, "issue 9: >= 50,000 messages/s into state"),
        byCandidate.get("ours"));
    if (!noFx) {
      List<Run> fx = byCandidate.get("ours_fx");
      spread(
          results
              .metric(p + "into_state_with_fx_bridge", median(fx), "msg/s")
              .peer(floor, "OkHttp receive-only (F_recv), same socket and messages")
              .atLeast(TARGET, "issue 9: >= 50,000 messages/s into state, FX bridge attached"),
          fx);
      long[] work = fx.get(fx.size() / 2).pulseWork();
      results.info(p + "fx_bridge.pulses", work.length, "pulses");
      results.info(p + "fx_bridge.fx_work_p50", Stats.ms(Stats.pct(work, 0.5)), "ms");
      results
          .metric(p + "fx_bridge.fx_work_p99", Stats.ms(Stats.pct(work, 0.99)), "ms")
          .atMost(16.7, "one 60 Hz frame (T_pulse) while ingesting");
      results.info(p + "fx_bridge.fx_work_max", Stats.ms(Stats.pct(work, 1)), "ms");
    }
    results.info(
        p + "other_cpu_cores",
        byCandidate.get("ours").stream().mapToDouble(Run::otherCores).max().orElse(0),
        "cores");
    if (sim != null) {
      results.info("ingest.sim.into_state", sim.msgsPerSecond(), "msg/s");
      results.info("ingest.sim.other_cpu_cores", sim.otherCores(), "cores");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("machine", Machine.describe());
    context.put("ingest_corpus", corpus.mix());
    context.put(
        "workload",
        String.format(
            Locale.ROOT,
            "ingest messages=%d runs=%d seed=%d sim-messages=%d",
            messages,
            runs,
            seed,
            simMessages));
    results.write(context);
    if (fxStarted) {
      Platform.runLater(Platform::exit);
    }
    return 0;
  }

  private static void spread(Results.Metric m, List<Run> runs) {
    double[] v = runs.stream().mapToDouble(Run::msgsPerSecond).toArray();
    m.spread(Stats.min(v), Stats.max(v), v.length);
  }

  private static double median(List<Run> runs) {
    return Stats.median(runs.stream().mapToDouble(Run::msgsPerSecond).toArray());
  }

  private static String describe(Map<String, List<Run>> byCandidate, int r) {
    StringBuilder s = new StringBuilder();
    byCandidate.forEach(
        (k, v) ->
            s.append(String.format(Locale.ROOT, "%s %,.0f msg/s  ", k, v.get(r).msgsPerSecond())));
    return s.toString();
  }

  /** OkHttp receive-only: counts the messages, nothing else. */
  private Run floor(ReplayServer server, IngestCorpus corpus) throws Exception {
    int n = corpus.messages().size();
    OkHttpClient http = new OkHttpClient.Builder().build();
    long[] times = new long[2];
    CountDownLatch done = new CountDownLatch(1);
    long[] ticks0 = Machine.cpuTicks();
    long w0 = System.nanoTime();
    WebSocket ws =
        http.newWebSocket(
            new Request.Builder()
                .url(server.baseUrl() + "/api/v1/stream?since=" + corpus.baseSeq())
                .build(),
            new WebSocketListener() {
              private int count;

              @Override
              public void onMessage(WebSocket webSocket, String text) {
                if (count++ == 0) {
                  times[0] = System.nanoTime();
                }
                if (count == n) {
                  times[1] = System.nanoTime();
                  done.countDown();
                }
              }

              @Override
              public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                done.countDown();
              }
            });
    if (!done.await(120, TimeUnit.SECONDS) || times[1] == 0) {
      throw new IllegalStateException("the receive-only client did not get all messages");
    }
    double seconds = (System.nanoTime() - w0) / 1e9;
    double others = Machine.cores(ticks0, Machine.cpuTicks(), seconds)[2];
    ws.close(1000, null);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    return new Run((n - 1) / ((times[1] - times[0]) / 1e9), others, new long[0]);
  }

  /** The app's feed into a fresh state; with {@code fx}, the FX bridge and shell attached. */
  private Run ours(ReplayServer server, IngestCorpus corpus, boolean fx) throws Exception {
    CityState state = new CityState();
    long[] work = new long[200_000];
    int[] pulses = new int[1];
    boolean[] counting = new boolean[1];
    Stage stage = fx ? showShell(state, work, pulses, counting) : null;
    LiveFeed feed =
        new LiveFeed(
            new BackendClient(server.baseUrl()),
            state,
            "operator",
            "operator",
            Clock.systemUTC(),
            Duration.ofMinutes(5),
            new Random(1));
    long base = corpus.baseSeq();
    long last = base + corpus.messages().size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    feed.start();
    long held;
    while ((held = state.seq()) <= base && System.nanoTime() < deadline) {
      LockSupport.parkNanos(200_000);
    }
    long t0 = System.nanoTime();
    long first = held;
    long[] ticks0 = Machine.cpuTicks();
    if (fx) {
      Platform.runLater(() -> counting[0] = true);
    }
    while ((held = state.seq()) < last && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    long t1 = System.nanoTime();
    double others = Machine.cores(ticks0, Machine.cpuTicks(), (t1 - t0) / 1e9)[2];
    feed.close();
    if (held < last) {
      throw new IllegalStateException("the feed applied up to " + held + " of " + last);
    }
    long[] pulseWork = new long[0];
    if (fx) {
      CompletableFuture<long[]> figures = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            counting[0] = false;
            stage.hide();
            figures.complete(Stats.sorted(work, pulses[0]));
          });
      pulseWork = figures.get(30, TimeUnit.SECONDS);
    }
    return new Run((last - first) / ((t1 - t0) / 1e9), others, pulseWork);
  }

  /**
   * The app's shell in a window, fed from {@code state} through the FX bridge exactly as {@code
   * CityOpsApp} wires it (the map replaced by an empty region); every pulse's FX work is recorded
   * while {@code counting}.
   */
  private Stage showShell(CityState state, long[] work, int[] pulses, boolean[] counting)
      throws Exception {
    if (!fxStarted) {
      CompletableFuture<Void> up = new CompletableFuture<>();
      FxPlatform.start(() -> up.complete(null));
      up.get(60, TimeUnit.SECONDS);
      Platform.setImplicitExit(false);
      fxStarted = true;
    }
    CompletableFuture<Stage> shown = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            PulseStats stats = new PulseStats();
            stats.watch(
                nanos -> {
                  if (counting[0] && pulses[0] < work.length) {
                    work[pulses[0]++] = nanos;
                  }
                });
            ShellViewModel model =
                new ShellViewModel(Messages.forLanguage("zh-CN"), "operator", "operator");
            var bridge =
                new FxBridge<CitySummary>(
                    FxPlatform.pulseExecutor(stats), state::summary, model::apply);
            state.onChange(bridge::changed);
            Scene scene =
                new Scene(
                    new ShellView(model, BenchWorkbench.of(state), Instant::now, new Region())
                        .build());
            Themes.apply(scene, Theme.parse("dark"));
            long[] pulseStart = new long[1];
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(
                () -> stats.pulseEnded(System.nanoTime() - pulseStart[0]));
            Stage stage = new Stage(StageStyle.UNDECORATED);
            stage.setScene(scene);
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            shown.complete(stage);
          } catch (Throwable t) {
            shown.completeExceptionally(t);
          }
        });
    return shown.get(60, TimeUnit.SECONDS);
  }

  /**
   * The reference backend itself over its own WebSocket, its load generator adding messages in
   * chunks while the client keeps up (never more than 40,000 behind: the backend drops a client
   * 100,000 behind); from the first chunk to the last message applied.
   */
  private Run realBackend() throws Exception {
    try (SimServer sim =
        SimServer.start(
            SimConfig.builder().port(0).seed(seed).journalMemory(simMessages + 100_000).build())) {
      CityState state = new CityState();
      LiveFeed feed =
          new LiveFeed(
              new BackendClient(sim.baseUrl()),
              state,
              "operator",
              "operator",
              Clock.systemUTC(),
              Duration.ofMinutes(5),
              new Random(1));
      feed.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (state.feedStatus().state() != FeedState.LIVE && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long[] ticks0 = Machine.cpuTicks();
      long t0 = System.nanoTime();
      long start = state.seq();
      int added = 0;
      while (added < simMessages && System.nanoTime() < deadline) {
        if (sim.world().headSeq() - state.seq() < 40_000) {
          sim.world().addLoad(5_000);
          added += 5_000;
        } else {
          LockSupport.parkNanos(500_000);
        }
      }
      long head = sim.world().headSeq();
      while (state.seq() < head && System.nanoTime() < deadline) {
        LockSupport.parkNanos(500_000);
      }
      long t1 = System.nanoTime();
      double seconds = (t1 - t0) / 1e9;
      double others = Machine.cores(ticks0, Machine.cpuTicks(), seconds)[2];
      long applied = state.seq() - start;
      feed.close();
      System.out.printf(
          Locale.ROOT,
          "real backend: %,d messages in %.2f s = %,.0f msg/s%n",
          applied,
          seconds,
          applied / seconds);
      return new Run(applied / seconds, others, new long[0]);
    }
  }
}
