package com.cityops.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Issue 9's one command: {@code all} runs the standard set — every workload in a JVM of its own,
 * one after the other — into a fresh {@code target/bench/results.json} + {@code results.md}, keeps
 * a copy per run in {@code target/bench/runs/}, and prints the verdicts. Also dispatches the
 * suite's own workloads, {@code check} (targets from results.json; exit 1 when one is missed) and
 * {@code median} (medians and spread over the last runs).
 */
final class Suite {
  static final String ALL = "all";

  /** One workload of the standard set: a label, a time budget and the bench arguments. */
  record Step(String label, int budgetSeconds, List<String> args) {
    static Step of(String label, int budgetSeconds, String... args) {
      return new Step(label, budgetSeconds, List.of(args));
    }
  }

  /**
   * The standard set, in order (about 12 minutes on 2 cores). A workload joins it with one line
   * here; {@code --only}/{@code --skip} pick by label.
   */
  static final List<Step> STANDARD =
      List.of(
          Step.of("ingest-jmh", 300, IngestBenchmarks.NAME),
          Step.of("ingest", 240, StreamIngest.NAME),
          Step.of("tiles", 240, IndicatorTiles.NAME),
          Step.of("queue", 300, IncidentQueue.NAME),
          Step.of(
              "live-points",
              180,
              MapFrames.NAME,
              "--name",
              "live_points",
              "--pan",
              "0",
              "--size",
              "1920x1080",
              "--candidate",
              "ours:100000",
              "--seconds",
              "10",
              "--warmup",
              "4",
              "--quiet-wait",
              "30"),
          Step.of(
              "map-frames",
              600,
              MapFrames.NAME,
              "--seconds",
              "8",
              "--warmup",
              "3",
              "--quiet-wait",
              "30"),
          Step.of("basemap", 240, "basemap"),
          Step.of("startup", 180, Startup.NAME));

  private static final Set<String> OWN =
      Set.of(
          ALL,
          ResultsReport.CHECK,
          ResultsReport.MEDIAN,
          IngestBenchmarks.NAME,
          StreamIngest.NAME,
          IndicatorTiles.NAME,
          IncidentQueue.NAME,
          Startup.NAME);

  @Option(names = "--only", description = "Run only these steps (labels), repeatable.")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip", description = "Skip these steps (labels), repeatable.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--out", description = "Results folder.")
  Path out = Path.of("target", "bench");

  private Suite() {}

  static boolean handles(String command) {
    return OWN.contains(command);
  }

  static String usage() {
    return "suite: cityops-bench all [--only LABEL]... [--skip LABEL]...   (the standard set:"
        + " "
        + String.join(", ", STANDARD.stream().map(Step::label).toList())
        + ")\n"
        + "       cityops-bench check [results.json]   (exit 1 when a target is missed)\n"
        + "       cityops-bench median [--runs N] [FILE...]   (medians over target/bench/runs)\n"
        + "       cityops-bench ingest-jmh | ingest | tiles | queue | startup [--help]\n";
  }

  static int run(String command, String[] args) throws Exception {
    return switch (command) {
      case ALL -> {
        Suite suite = new Suite();
        if (!Cli.parse("all", suite, args)) {
          yield 0;
        }
        yield suite.all();
      }
      case ResultsReport.CHECK -> ResultsReport.check(args);
      case ResultsReport.MEDIAN -> ResultsReport.median(args);
      case IngestBenchmarks.NAME -> IngestBenchmarks.run(args);
      case StreamIngest.NAME -> StreamIngest.run(args);
      case IndicatorTiles.NAME -> IndicatorTiles.run(args);
      case IncidentQueue.NAME -> IncidentQueue.run(args);
      case Startup.NAME -> Startup.run(args);
      default -> throw new IllegalArgumentException(command);
    };
  }

  private int all() throws Exception {
    Files.createDirectories(out);
    Files.deleteIfExists(out.resolve("results.json"));
    Files.deleteIfExists(out.resolve("results.md"));
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Map<String, double[]> ran = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (Step step : STANDARD) {
      if ((!only.isEmpty() && !only.contains(step.label())) || skip.contains(step.label())) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%n######## %s: %s%n", step.label(), step.args());
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Bench.class.getName());
      cmd.addAll(step.args());
      long s0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      int code;
      if (p.waitFor(step.budgetSeconds(), TimeUnit.SECONDS)) {
        code = p.exitValue();
      } else {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        code = -1;
        System.out.println(step.label() + ": out of its " + step.budgetSeconds() + " s budget");
      }
      double seconds = (System.nanoTime() - s0) / 1e9;
      ran.put(step.label(), new double[] {seconds, code});
      if (code != 0) {
        failed.add(step.label() + " (exit " + code + ")");
      }
    }
    double total = (System.nanoTime() - t0) / 1e9;

    Results results = new Results(out);
    ran.forEach(
        (label, r) -> {
          results.info("suite." + label + ".seconds", r[0], "s");
          results.info("suite." + label + ".exit_code", r[1], "");
        });
    if (only.isEmpty() && skip.isEmpty()) {
      results
          .metric("suite.total_seconds", total, "s")
          .atMost(900, "issue 9: the standard set in under 15 minutes on 2 cores");
    } else {
      results.info("suite.total_seconds", total, "s");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("started", started.toString());
    context.put("machine", Machine.describe());
    context.put("loadavg_end", Machine.loadavg());
    context.put("commit", gitCommit());
    context.put("steps", String.join(", ", ran.keySet()));
    results.write(context);

    Path runs = out.resolve("runs");
    Files.createDirectories(runs);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Files.copy(
        out.resolve("results.json"),
        runs.resolve("results-" + stamp + ".json"),
        StandardCopyOption.REPLACE_EXISTING);

    System.out.println();
    System.out.println(Files.readString(out.resolve("results.md")));
    System.out.printf(Locale.ROOT, "the standard set took %.0f s (%.1f min)%n", total, total / 60);
    ResultsReport.printVerdicts(out.resolve("results.json"));
    if (!failed.isEmpty()) {
      System.out.println("steps that did not finish cleanly: " + String.join(", ", failed));
      return 3;
    }
    return 0;
  }

  private static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String s = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? s : "?";
    } catch (java.io.IOException | InterruptedException e) {
      return "?";
    }
  }
}
