package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
  @TempDir Path dir;

  @Test
  void timesAgainstAPeerKeepTheRatioAndAddTheSpeedup() throws Exception {
    Results r = new Results(dir);
    Samples rounds = new Samples();
    rounds.add(40);
    rounds.add(60);
    rounds.add(50);
    rounds.onto(r.comparedTime("basemap.x.cold_ms", 50, "ms", 100, "Peer"));
    r.write(Map.of("workload", "test"));

    var metric =
        Json.readTree(Files.readString(dir.resolve("results.json"))).path("metrics").get(0);
    assertThat(metric.path("ratio").asDouble()).isEqualTo(0.5);
    assertThat(metric.path("speedup").asDouble()).isEqualTo(2.0);
    assertThat(metric.path("min").asDouble()).isEqualTo(40);
    assertThat(metric.path("max").asDouble()).isEqualTo(60);
    assertThat(metric.path("rounds").asInt()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("results.md")))
        .contains("| basemap.x.cold_ms | 50.0 | ms | 100.0 (Peer) | 0.5 | 2.0 | 40.0–60.0 (3) |");
  }

  @Test
  void keepsOtherWorkloadsEntries() throws Exception {
    Results first = new Results(dir);
    first.info("map_frames.a", 1, "ms");
    first.write(Map.of());
    Results second = new Results(dir);
    second.info("basemap.b", 2, "ms");
    second.write(Map.of());

    assertThat(Files.readString(dir.resolve("results.md"))).contains("map_frames.a", "basemap.b");
  }
}
