package com.cityops.bench;

import com.cityops.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark results: {@code target/bench/results.json} (one entry per metric: name, value, unit,
 * and where there is one, the limit it must stay within or the peer it is compared with, with the
 * ratio = value / limit or value / peer; for times against a peer also speedup = peer / value; for
 * a median of rounds also min, max and rounds) and the same as a Markdown table. Entries from
 * earlier workloads in the file are kept.
 */
final class Results {
  private final Path dir;
  private final List<Map<String, Object>> entries = new ArrayList<>();

  Results(Path dir) {
    this.dir = dir;
  }

  /** A figure with an upper limit (ratio = value / limit; at most 1 passes). */
  Map<String, Object> limited(
      String name, double value, String unit, double limit, String limitWhy) {
    Map<String, Object> e = entry(name, value, unit);
    e.put("limit", limit);
    e.put("limitReason", limitWhy);
    e.put("ratio", round(value / limit));
    e.put("pass", value <= limit);
    entries.add(e);
    return e;
  }

  /**
   * A figure with any of a peer (ratio = value / peer), an upper limit ({@code limit}) or a lower
   * bound ({@code minimum}); {@code pass} says whether the bound holds. With both a peer and a
   * bound, {@code ratio} is against the peer and {@code limitRatio} against the bound.
   */
  Metric metric(String name, double value, String unit) {
    Map<String, Object> e = entry(name, value, unit);
    entries.add(e);
    return new Metric(e, value);
  }

  /** One entry being filled in; see {@link #metric}. */
  static final class Metric {
    private final Map<String, Object> e;
    private final double value;

    private Metric(Map<String, Object> e, double value) {
      this.e = e;
      this.value = value;
    }

    Metric peer(double peer, String peerName) {
      e.put("peer", round(peer));
      e.put("peerName", peerName);
      if (peer > 0) {
        e.put("ratio", round(value / peer));
      }
      return this;
    }

    /** The figure must stay at or below {@code limit}. */
    Metric atMost(double limit, String why) {
      return bound("limit", limit, why, value <= limit);
    }

    /** The figure must reach at least {@code minimum} (a throughput target). */
    Metric atLeast(double minimum, String why) {
      return bound("minimum", minimum, why, value >= minimum);
    }

    private Metric bound(String kind, double bound, String why, boolean pass) {
      e.put(kind, bound);
      e.put(kind + "Reason", why);
      e.put(e.containsKey("peer") ? "limitRatio" : "ratio", round(value / bound));
      e.put("pass", pass);
      return this;
    }

    /** The spread of the runs the value is the median of. */
    Metric spread(double min, double max, int runs) {
      e.put("min", round(min));
      e.put("max", round(max));
      e.put("n", runs);
      return this;
    }

    /** True when the figure has a bound and misses it. */
    boolean missed() {
      return Boolean.FALSE.equals(e.get("pass"));
    }
  }

  /** A figure beside the same figure of a peer measured in the same run (ratio = value / peer). */
  Map<String, Object> compared(
      String name, double value, String unit, double peer, String peerName) {
    Map<String, Object> e = entry(name, value, unit);
    e.put("peer", round(peer));
    e.put("peerName", peerName);
    if (peer > 0) {
      e.put("ratio", round(value / peer));
    }
    entries.add(e);
    return e;
  }

  /**
   * A time beside the peer's time for the same work: as {@link #compared} (ratio = value / peer),
   * plus {@code speedup} = peer / value, so more than 1 means ours took less time.
   */
  Map<String, Object> comparedTime(
      String name, double value, String unit, double peer, String peerName) {
    Map<String, Object> e = compared(name, value, unit, peer, peerName);
    if (value > 0) {
      e.put("speedup", round(peer / value));
    }
    return e;
  }

  /** A figure reported for reading, without a target. */
  Map<String, Object> info(String name, double value, String unit) {
    Map<String, Object> e = entry(name, value, unit);
    entries.add(e);
    return e;
  }

  /**
   * Adds how the figure varied over its {@code rounds} repetitions in the run (the value is their
   * median): {@code min}, {@code max}, {@code rounds}.
   */
  static Map<String, Object> spread(Map<String, Object> entry, double min, double max, int rounds) {
    entry.put("min", round(min));
    entry.put("max", round(max));
    entry.put("rounds", rounds);
    return entry;
  }

  boolean withinLimits() {
    return entries.stream().noneMatch(e -> Boolean.FALSE.equals(e.get("pass")));
  }

  void write(Map<String, Object> context) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("results.json");
    List<Map<String, Object>> all = new ArrayList<>();
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> workloads = new ArrayList<>();
    if (Files.exists(json)) {
      var before = Json.readTree(Files.readString(json));
      // Earlier workloads' context is kept: each one's "workload" line joins "workloads".
      before
          .fields()
          .forEachRemaining(
              f -> {
                switch (f.getKey()) {
                  case "metrics" -> {}
                  case "workloads" -> f.getValue().forEach(w -> workloads.add(w.asText()));
                  case "workload" -> workloads.add(f.getValue().asText());
                  default -> root.put(f.getKey(), f.getValue());
                }
              });
      for (var node : before.path("metrics")) {
        String name = node.path("name").asText();
        if (entries.stream().noneMatch(e -> e.get("name").equals(name))) {
          all.add(Json.mapper().convertValue(node, Map.class));
        }
      }
    }
    all.addAll(entries);
    context.forEach(
        (k, v) -> {
          if (k.equals("workload")) {
            workloads.add(v);
          } else {
            root.put(k, v);
          }
        });
    if (!workloads.isEmpty()) {
      root.put("workloads", workloads);
    }
    root.put("metrics", all);
    Files.writeString(json, Json.write(root) + "\n");
    Files.writeString(dir.resolve("results.md"), markdown(all));
  }

  /** The metrics as a Markdown table: value, peer and ratio, target and verdict. */
  static String markdown(List<Map<String, Object>> metrics) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| metric | value | unit | peer | ratio | peer / ours | target | pass | min–max (rounds) |\n"
            + "|---|---:|---|---:|---:|---:|---:|---|---:|\n");
    for (Map<String, Object> e : metrics) {
      String target =
          e.containsKey("limit")
              ? "≤ " + e.get("limit")
              : e.containsKey("minimum") ? "≥ " + e.get("minimum") : "";
      Object pass = e.get("pass");
      Object rounds = e.containsKey("rounds") ? e.get("rounds") : e.get("n");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              e.get("name"),
              e.get("value"),
              e.get("unit"),
              e.containsKey("peer") ? e.get("peer") + " (" + e.get("peerName") + ")" : "",
              e.getOrDefault("ratio", ""),
              e.getOrDefault("speedup", ""),
              target,
              pass == null ? "" : Boolean.TRUE.equals(pass) ? "yes" : "**no**",
              e.containsKey("min") ? e.get("min") + "–" + e.get("max") + " (" + rounds + ")" : ""));
    }
    return md.toString();
  }

  private static Map<String, Object> entry(String name, double value, String unit) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name);
    e.put("value", round(value));
    e.put("unit", unit);
    return e;
  }

  /** Two decimals; small figures (ratios, µs) keep three significant digits. */
  static double round(double v) {
    if (v != 0 && Math.abs(v) < 1 && Double.isFinite(v)) {
      return new java.math.BigDecimal(v)
          .round(new java.math.MathContext(3, java.math.RoundingMode.HALF_EVEN))
          .doubleValue();
    }
    return Math.round(v * 100) / 100.0;
  }
}
