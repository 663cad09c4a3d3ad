package com.cityops.bench;

import com.cityops.api.Json;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.state.CityState;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.WebSocketListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Option;

/**
 * Issue 9, workload 1 — the ingest path without a socket (R8 of {@code /shared/BENCHMARKS.md}),
 * JMH, one stream message per operation over the same recorded messages ({@link IngestCorpus}):
 *
 * <ul>
 *   <li>{@code ours_into_state}: the app's own per-message path — {@code LiveFeed}'s socket
 *       listener ({@code onMessage}: heard, seq check, {@code Json.readEnvelope}, {@code
 *       CityState.apply}, status) into a {@code CityState};
 *   <li>{@code jacksonTree_into_state}: the peer, Jackson's tree model ({@code readTree}, then
 *       {@code treeToValue} for the payload), then the same {@code CityState.apply};
 *   <li>{@code ours_parse}, {@code jacksonTree_parse}, {@code jacksonStreaming_parse} (databind
 *       from the token stream, no tree): parsing alone;
 *   <li>{@code floor_scan}: finding {@code seq} and {@code type} by scanning the text — what any
 *       parser must at least read.
 * </ul>
 *
 * Into-state benchmarks reload the snapshot when the recorded messages run out (every 100,000
 * operations; about 0.1 µs per operation). Runs {@code -f 2 -wi 6 -i 5} (1 s each), fixed heap, G1,
 * {@code -prof gc} for bytes allocated per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class IngestBenchmarks {
  static final String NAME = "ingest-jmh";

  /** The recorded messages, written by {@link #run} before JMH forks. */
  @Param({""})
  public String corpus;

  private String[] messages;
  private Snapshot snapshot;
  private int next;
  private CityState state;
  private WebSocketListener listener;
  private ObjectMapper plain;

  @Setup
  public void setUp() throws Exception {
    IngestCorpus c = IngestCorpus.read(Path.of(corpus));
    messages = c.messages().toArray(String[]::new);
    snapshot = c.snapshot();
    state = new CityState();
    state.replaceAll(snapshot);
    listener = feedListener(state);
    // The peer: a Jackson mapper with only what the contract needs to bind at all.
    plain =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
  }

  /**
   * {@code LiveFeed}'s own socket listener (a private class: the per-message path has no public
   * entry point short of a socket), for a feed that was never started: current generation, no
   * worker activity, no recorder.
   */
  static WebSocketListener feedListener(CityState state) throws ReflectiveOperationException {
    LiveFeed feed =
        new LiveFeed(
            new BackendClient("http://127.0.0.1:9"),
            state,
            "operator",
            "operator",
            Clock.systemUTC(),
            Duration.ofHours(1),
            new Random(1));
    Class<?> type = Class.forName(LiveFeed.class.getName() + "$Listener");
    var make = type.getDeclaredConstructor(LiveFeed.class, int.class);
    make.setAccessible(true);
    return (WebSocketListener) make.newInstance(feed, 0);
  }

  private String nextForState() {
    if (next == messages.length) {
      next = 0;
      state.replaceAll(snapshot);
    }
    return messages[next++];
  }

  private String nextMessage() {
    if (next == messages.length) {
      next = 0;
    }
    return messages[next++];
  }

  @Benchmark
  public void ours_into_state() {
    listener.onMessage(null, nextForState());
  }

  @Benchmark
  public void jacksonTree_into_state() throws IOException {
    state.apply(jacksonTree(nextForState()));
  }

  @Benchmark
  public Object ours_parse() {
    return Json.readEnvelope(nextMessage());
  }

  @Benchmark
  public Object jacksonTree_parse() throws IOException {
    return jacksonTree(nextMessage());
  }

  @Benchmark
  public Object jacksonStreaming_parse() throws IOException {
    return jacksonStreaming(nextMessage());
  }

  @Benchmark
  public void floor_scan(Blackhole bh) {
    String m = nextMessage();
    int seqAt = m.indexOf("\"seq\":") + 6;
    long seq = 0;
    for (int i = seqAt; i < m.length() && Character.isDigit(m.charAt(i)); i++) {
      seq = seq * 10 + (m.charAt(i) - '0');
    }
    int typeAt = m.indexOf("\"type\":\"", seqAt) + 8;
    int typeEnd = m.indexOf('"', typeAt);
    long sum = 0;
    for (int i = typeEnd; i < m.length(); i++) {
      sum += m.charAt(i); // every remaining character is read once, as a parser must
    }
    bh.consume(seq);
    bh.consume(typeEnd - typeAt);
    bh.consume(sum);
  }

  /** Jackson's tree model: read the tree, then map the payload to the type it names. */
  private StreamEnvelope jacksonTree(String text) throws IOException {
    JsonNode tree = plain.readTree(text);
    StreamEventType type = StreamEventType.ofWireName(tree.get("type").asText());
    Object payload = plain.treeToValue(tree.get("payload"), type.payloadType());
    return new StreamEnvelope(
        tree.get("seq").asLong(), Instant.parse(tree.get("ts").asText()), type, payload);
  }

  /** Jackson databind straight from the token stream (the payload after the type, as sent). */
  private StreamEnvelope jacksonStreaming(String text) throws IOException {
    try (JsonParser p = plain.createParser(text)) {
      p.nextToken();
      long seq = -1;
      Instant ts = null;
      StreamEventType type = null;
      Object payload = null;
      JsonNode early = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "seq" -> seq = p.getLongValue();
          case "ts" -> ts = Instant.parse(p.getText());
          case "type" -> type = StreamEventType.ofWireName(p.getText());
          case "payload" -> {
            if (type != null) {
              payload = plain.readValue(p, type.payloadType());
            } else {
              early = plain.readTree(p);
            }
          }
          default -> p.skipChildren();
        }
      }
      if (payload == null && early != null && type != null) {
        payload = plain.treeToValue(early, type.payloadType());
      }
      return new StreamEnvelope(seq, ts, type, payload);
    }
  }

  // ---------------------------------------------------------------- the workload around JMH

  @Option(names = "--messages", description = "Recorded messages the operations cycle over.")
  int count = 100_000;

  @Option(names = "--seed", description = "Seed of the simulated city.")
  long seed = 42;

  @Option(names = "--forks", description = "JMH forks per benchmark.")
  int forks = 2;

  @Option(names = "--iterations", description = "Measured 1 s iterations per fork.")
  int iterations = 5;

  @Option(names = "--warmups", description = "Warm-up 1 s iterations per fork.")
  int warmups = 6;

  @Option(names = "--out", description = "Results folder.")
  Path out = Path.of("target", "bench");

  static int run(String[] args) throws Exception {
    IngestBenchmarks w = new IngestBenchmarks();
    if (!Cli.parse("ingest-jmh", w, args)) {
      return 0;
    }
    return w.measure();
  }

  private int measure() throws Exception {
    IngestCorpus recorded = IngestCorpus.record(seed, count);
    Path file = out.resolve(NAME).resolve("corpus.jsonl").toAbsolutePath();
    recorded.write(file);
    System.out.println("corpus " + file + ": " + recorded.mix());
    var options =
        new OptionsBuilder()
            .include(IngestBenchmarks.class.getName() + "\\.")
            .param("corpus", file.toString())
            .forks(forks)
            .warmupIterations(warmups)
            .measurementIterations(iterations)
            .warmupTime(TimeValue.seconds(1))
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend(
                "-Xms1g",
                "-Xmx1g",
                "-XX:+UseG1GC",
                "-Dlogback.configurationFile=cityops-logback.xml")
            .addProfiler("gc")
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : runs) {
      String label = r.getParams().getBenchmark();
      byName.put(label.substring(label.lastIndexOf('.') + 1), r);
    }
    Results results = new Results(out);
    String p = "ingest.jmh.";
    for (String name :
        List.of(
            "ours_into_state",
            "jacksonTree_into_state",
            "ours_parse",
            "jacksonTree_parse",
            "jacksonStreaming_parse",
            "floor_scan")) {
      RunResult r = byName.get(name);
      if (r == null) {
        continue;
      }
      Result<?> primary = r.getPrimaryResult();
      var stats = primary.getStatistics();
      double nsMedian = stats.getPercentile(50);
      Results.Metric m =
          results
              .metric(p + name + ".ns_per_msg", nsMedian, "ns")
              .spread(stats.getMin(), stats.getMax(), (int) stats.getN());
      double peerNs = peerNanos(byName, name);
      if (peerNs > 0) {
        m.peer(peerNs, peerName(name));
      }
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
      }
      if (alloc != null) {
        results.info(p + name + ".bytes_per_msg", alloc.getScore(), "B");
      }
      if (name.equals("ours_into_state")) {
        double rate = 1e9 / nsMedian;
        Results.Metric into =
            results
                .metric(p + "ours_into_state.msgs_per_s", rate, "msg/s")
                .atLeast(StreamIngest.TARGET, "issue 9: >= 50,000 messages/s into state");
        if (peerNs > 0) {
          into.peer(1e9 / peerNs, peerName(name));
        }
        System.out.printf(Locale.ROOT, "ours into state: %,.0f msg/s%n", rate);
      }
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("machine", Machine.describe());
    context.put("ingest_corpus", recorded.mix());
    context.put(
        "workload",
        String.format(
            Locale.ROOT,
            "ingest-jmh messages=%d forks=%d warmups=%d iterations=%d (1 s), avgt, -prof gc",
            count,
            forks,
            warmups,
            iterations));
    results.write(context);
    return 0;
  }

  private static double peerNanos(Map<String, RunResult> byName, String name) {
    String peer =
        switch (name) {
          case "ours_into_state" -> "jacksonTree_into_state";
          case "ours_parse" -> "jacksonTree_parse";
          default -> null;
        };
    RunResult r = peer == null ? null : byName.get(peer);
    return r == null ? -1 : r.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private static String peerName(String name) {
    return name.equals("ours_into_state")
        ? "Jackson tree model + CityState.apply"
        : "Jackson tree model (readTree + treeToValue)";
  }
}
