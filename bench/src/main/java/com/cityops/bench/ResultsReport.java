package com.cityops.bench;

import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads results files. {@code check}: every metric with a target ({@code limit} or {@code
 * minimum}), its verdict and by how much it is missed; exit 1 when one is missed — the gate is this
 * file, never a timed unit test. {@code median}: medians over several runs of the suite (the copies
 * in {@code target/bench/runs/}), with the spread (min–max) and the ratio as the median of the
 * per-run ratios (each measured against a peer in the same run); targets are judged on the medians.
 * Stateless.
 */
final class ResultsReport {
  static final String CHECK = "check";
  static final String MEDIAN = "median";

  private ResultsReport() {}

  static int check(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
    if (!Files.exists(file)) {
      System.err.println("no " + file + ": run `cityops-bench all` first");
      return 2;
    }
    return printVerdicts(file) ? 0 : 1;
  }

  /** Prints the targets and their verdicts; true when none is missed. */
  static boolean printVerdicts(Path file) throws IOException {
    List<String> missed = new ArrayList<>();
    int met = 0;
    for (JsonNode m : Json.readTree(Files.readString(file)).path("metrics")) {
      if (!m.has("pass")) {
        continue;
      }
      if (m.path("pass").asBoolean()) {
        met++;
      } else {
        missed.add(describeMiss(m));
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d targets met, %d missed%n", file, met, missed.size());
    missed.forEach(m -> System.out.println("  MISSED " + m));
    return missed.isEmpty();
  }

  /** "name = 21.0 ms, limit 16.7 ms: over by 4.3 ms (+26%)". */
  static String describeMiss(JsonNode m) {
    double v = m.path("value").asDouble();
    String unit = m.path("unit").asText();
    if (m.has("limit")) {
      double limit = m.path("limit").asDouble();
      return String.format(
          Locale.ROOT,
          "%s = %s %s, limit %s: over by %s (+%.0f%%) — %s",
          m.path("name").asText(),
          num(v),
          unit,
          num(limit),
          num(v - limit),
          (v / limit - 1) * 100,
          m.path("limitReason").asText());
    }
    double min = m.path("minimum").asDouble();
    return String.format(
        Locale.ROOT,
        "%s = %s %s, minimum %s: short by %s (%.0f%% of it) — %s",
        m.path("name").asText(),
        num(v),
        unit,
        num(min),
        num(min - v),
        v / min * 100,
        m.path("minimumReason").asText());
  }

  static int median(String[] args) throws IOException {
    int runs = 3;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    Path out = Path.of("target", "bench");
    if (files.isEmpty()) {
      Path dir = out.resolve("runs");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          List<Path> all = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
          files.addAll(all.subList(Math.max(0, all.size() - runs), all.size()));
        }
      }
    }
    if (files.isEmpty()) {
      System.err.println("no runs to take the median of (target/bench/runs/ is empty)");
      return 2;
    }
    List<JsonNode> docs = new ArrayList<>();
    for (Path f : files) {
      docs.add(Json.readTree(Files.readString(f)));
    }
    List<Map<String, Object>> medians = medians(docs);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("runs", files.stream().map(Path::toString).toList());
    root.put("machine", docs.get(docs.size() - 1).path("machine"));
    root.put("metrics", medians);
    Files.createDirectories(out);
    Files.writeString(out.resolve("median.json"), Json.write(root) + "\n");
    String md = markdown(medians, files.size());
    Files.writeString(out.resolve("median.md"), md);
    System.out.println(md);
    System.out.println("wrote " + out.resolve("median.json") + " and median.md over " + files);
    return printVerdicts(out.resolve("median.json")) ? 0 : 1;
  }

  /** Per metric (in order of first appearance): median, min, max and n over the runs. */
  static List<Map<String, Object>> medians(List<JsonNode> runs) {
    Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      for (JsonNode m : run.path("metrics")) {
        byName.computeIfAbsent(m.path("name").asText(), k -> new ArrayList<>()).add(m);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    byName.forEach(
        (name, ms) -> {
          JsonNode last = ms.get(ms.size() - 1);
          double[] values = ms.stream().mapToDouble(m -> m.path("value").asDouble()).toArray();
          double median = Stats.median(values);
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("name", name);
          e.put("value", Results.round(median));
          e.put("min", Results.round(Stats.min(values)));
          e.put("max", Results.round(Stats.max(values)));
          e.put("n", values.length);
          e.put("unit", last.path("unit").asText());
          double[] peers =
              ms.stream()
                  .filter(m -> m.has("peer"))
                  .mapToDouble(m -> m.path("peer").asDouble())
                  .toArray();
          if (peers.length > 0) {
            e.put("peer", Results.round(Stats.median(peers)));
            e.put("peerName", last.path("peerName").asText());
          }
          double[] ratios =
              ms.stream()
                  .filter(m -> m.has("ratio"))
                  .mapToDouble(m -> m.path("ratio").asDouble())
                  .toArray();
          if (ratios.length > 0) {
            e.put("ratio", Results.round(Stats.median(ratios)));
          }
          if (last.has("limit")) {
            double limit = last.path("limit").asDouble();
            e.put("limit", limit);
            e.put("limitReason", last.path("limitReason").asText());
            e.put("pass", median <= limit);
          } else if (last.has("minimum")) {
            double min = last.path("minimum").asDouble();
            e.put("minimum", min);
            e.put("minimumReason", last.path("minimumReason").asText());
            e.put("pass", median >= min);
          }
          out.add(e);
        });
    return out;
  }

  static String markdown(List<Map<String, Object>> metrics, int runs) {
    StringBuilder md = new StringBuilder();
    md.append("Medians of ").append(runs).append(" runs; spread = min–max over the runs.\n\n");
    md.append("| metric | median | spread | unit | peer | ratio | target | pass |\n");
    md.append("|---|---:|---:|---|---:|---:|---:|---|\n");
    for (Map<String, Object> e : metrics) {
      String target =
          e.containsKey("limit")
              ? "≤ " + num((double) e.get("limit"))
              : e.containsKey("minimum") ? "≥ " + num((double) e.get("minimum")) : "";
      Object pass = e.get("pass");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s–%s | %s | %s | %s | %s | %s |%n",
              e.get("name"),
              num((double) e.get("value")),
              num((double) e.get("min")),
              num((double) e.get("max")),
              e.get("unit"),
              e.containsKey("peer")
                  ? num((double) e.get("peer")) + " (" + e.get("peerName") + ")"
                  : "",
              e.containsKey("ratio") ? num((double) e.get("ratio")) : "",
              target,
              pass == null ? "" : Boolean.TRUE.equals(pass) ? "yes" : "**no**"));
    }
    return md.toString();
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : Math.abs(v) >= 1
            ? String.format(Locale.ROOT, "%.2f", v)
            : String.format(Locale.ROOT, "%.3g", v);
  }
}
