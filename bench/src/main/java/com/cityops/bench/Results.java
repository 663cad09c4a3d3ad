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
    entries.add(e);
    return e;
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
    return entries.stream()
        .filter(e -> e.containsKey("limit"))
        .allMatch(e -> (double) e.get("value") <= (double) e.get("limit"));
  }

  void write(Map<String, Object> context) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("results.json");
    List<Map<String, Object>> all = new ArrayList<>();
    if (Files.exists(json)) {
      var previous = Json.readTree(Files.readString(json)).path("metrics");
      for (var node : previous) {
        String name = node.path("name").asText();
        if (entries.stream().noneMatch(e -> e.get("name").equals(name))) {
          all.add(Json.mapper().convertValue(node, Map.class));
        }
      }
    }
    all.addAll(entries);
    Map<String, Object> root = new LinkedHashMap<>(context);
    root.put("metrics", all);
    Files.writeString(json, Json.write(root) + "\n");
    StringBuilder md = new StringBuilder();
    md.append(
        "| metric | value | unit | limit / peer | ratio | peer / ours | min–max (rounds) |\n"
            + "|---|---:|---|---:|---:|---:|---:|\n");
    for (Map<String, Object> e : all) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s |%n",
              e.get("name"),
              e.get("value"),
              e.get("unit"),
              e.containsKey("limit")
                  ? e.get("limit")
                  : e.containsKey("peer") ? e.get("peer") + " (" + e.get("peerName") + ")" : "",
              e.getOrDefault("ratio", ""),
              e.getOrDefault("speedup", ""),
              e.containsKey("min")
                  ? e.get("min") + "–" + e.get("max") + " (" + e.get("rounds") + ")"
                  : ""));
    }
    Files.writeString(dir.resolve("results.md"), md.toString());
  }

  private static Map<String, Object> entry(String name, double value, String unit) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name);
    e.put("value", round(value));
    e.put("unit", unit);
    return e;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
