package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        .contains(
            "| basemap.x.cold_ms | 50.0 | ms | 100.0 (Peer) | 0.5 | 2.0 |  |  | 40.0–60.0 (3) |");
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

  @Test
  void writesPeerRatioBoundsAndVerdictsPerMetric() throws Exception {
    Results r = new Results(dir);
    r.metric("map.p99", 21.0, "ms").peer(413.2, "Gluon").atMost(16.7, "60 Hz");
    r.metric("ingest.rate", 120_000, "msg/s").atLeast(50_000, "issue 9");
    r.limited("old.style", 5, "ms", 50, "issue 3");
    r.info("plain", 0.012345, "ms");
    r.write(Map.of("machine", "test"));

    JsonNode metrics = Json.readTree(Files.readString(dir.resolve("results.json"))).path("metrics");
    JsonNode map = metrics.get(0);
    assertThat(map.path("peer").asDouble()).isEqualTo(413.2);
    assertThat(map.path("ratio").asDouble()).isEqualTo(0.0508);
    assertThat(map.path("limit").asDouble()).isEqualTo(16.7);
    assertThat(map.path("limitRatio").asDouble()).isEqualTo(1.26);
    assertThat(map.path("pass").asBoolean()).isFalse();
    JsonNode rate = metrics.get(1);
    assertThat(rate.path("minimum").asDouble()).isEqualTo(50_000);
    assertThat(rate.path("ratio").asDouble()).isEqualTo(2.4);
    assertThat(rate.path("pass").asBoolean()).isTrue();
    assertThat(metrics.get(2).path("pass").asBoolean()).isTrue();
    assertThat(metrics.get(3).has("pass")).isFalse();
    assertThat(metrics.get(3).path("value").asDouble()).isEqualTo(0.0123);
    assertThat(r.withinLimits()).isFalse();
    assertThat(Files.readString(dir.resolve("results.md")))
        .contains("| map.p99 | 21.0 | ms | 413.2 (Gluon) | 0.0508 |  | ≤ 16.7 | **no** |")
        .contains("| ingest.rate | 120000.0 | msg/s |  | 2.4 |  | ≥ 50000.0 | yes |");
  }

  @Test
  void keepsEarlierWorkloadsAndReplacesMetricsOfTheSameName() throws Exception {
    Results first = new Results(dir);
    first.info("a", 1, "ms");
    first.info("b", 2, "ms");
    first.write(Map.of());
    Results second = new Results(dir);
    second.info("b", 3, "ms");
    second.write(Map.of());

    JsonNode metrics = Json.readTree(Files.readString(dir.resolve("results.json"))).path("metrics");
    assertThat(metrics).hasSize(2);
    assertThat(metrics.get(0).path("name").asText()).isEqualTo("a");
    assertThat(metrics.get(1).path("value").asDouble()).isEqualTo(3);
  }

  @Test
  void mediansJudgeTargetsOnTheMedianAndKeepTheSpread() throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    double[][] values = {{20, 400}, {15, 380}, {30, 420}};
    for (double[] v : values) {
      Results r = new Results(dir.resolve("run" + runs.size()));
      r.metric("map.p99", v[0], "ms").peer(v[1], "Gluon").atMost(16.7, "60 Hz");
      r.write(Map.of());
      runs.add(
          Json.readTree(
              Files.readString(dir.resolve("run" + runs.size()).resolve("results.json"))));
    }
    Map<String, Object> m = ResultsReport.medians(runs).get(0);
    assertThat(m.get("value")).isEqualTo(20.0);
    assertThat(m.get("min")).isEqualTo(15.0);
    assertThat(m.get("max")).isEqualTo(30.0);
    assertThat(m.get("n")).isEqualTo(3);
    assertThat(m.get("peer")).isEqualTo(400.0);
    assertThat(m.get("ratio")).isEqualTo(0.05); // median of 0.05, 0.0395, 0.0714
    assertThat(m.get("pass")).isEqualTo(false);
    assertThat(ResultsReport.markdown(List.of(m), 3)).contains("| map.p99 | 20 | 15–30 | ms |");
  }

  @Test
  void checkFailsWhenATargetIsMissedAndSaysByHowMuch() throws Exception {
    Results r = new Results(dir);
    r.metric("ok", 10, "ms").atMost(16.7, "60 Hz");
    r.metric("slow", 21, "ms").atMost(16.7, "60 Hz");
    r.metric("rate", 40_000, "msg/s").atLeast(50_000, "issue 9");
    r.write(Map.of());
    Path file = dir.resolve("results.json");

    assertThat(ResultsReport.check(new String[] {file.toString()})).isEqualTo(1);
    JsonNode metrics = Json.readTree(Files.readString(file)).path("metrics");
    assertThat(ResultsReport.describeMiss(metrics.get(1)))
        .startsWith("slow = 21 ms, limit 16.70: over by 4.30 (+26%)");
    assertThat(ResultsReport.describeMiss(metrics.get(2)))
        .startsWith("rate = 40,000 msg/s, minimum 50,000: short by 10,000 (80% of it)");
  }
}
