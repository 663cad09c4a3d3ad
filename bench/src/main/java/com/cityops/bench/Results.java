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
 * ratio) and the same as a Markdown table. Entries from earlier workloads in the file are kept.
 */
final class Results {
  private final Path dir;
  private final List<Map<String, Object>> entries = new ArrayList<>();

  Results(Path dir) {
    this.dir = dir;
  }

  /** A figure with an upper limit (ratio = value / limit; at most 1 passes). */
  void limited(String name, double value, String unit, double limit, String limitWhy) {
    Map<String, Object> e = entry(name, value, unit);
    e.put("limit", limit);
    e.put("limitReason", limitWhy);
    e.put("ratio", round(value / limit));
    entries.add(e);
  }

  /** A figure beside the same figure of a peer measured in the same run (ratio = value / peer). */
  void compared(String name, double value, String unit, double peer, String peerName) {
    Map<String, Object> e = entry(name, value, unit);
    e.put("peer", round(peer));
    e.put("peerName", peerName);
    if (peer > 0) {
      e.put("ratio", round(value / peer));
    }
    entries.add(e);
  }

  /** A figure reported for reading, without a target. */
  void info(String name, double value, String unit) {
    entries.add(entry(name, value, unit));
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
    md.append("| metric | value | unit | limit / peer | ratio |\n|---|---:|---|---:|---:|\n");
    for (Map<String, Object> e : all) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              e.get("name"),
              e.get("value"),
              e.get("unit"),
              e.containsKey("limit")
                  ? e.get("limit")
                  : e.containsKey("peer") ? e.get("peer") + " (" + e.get("peerName") + ")" : "",
              e.getOrDefault("ratio", "")));
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
