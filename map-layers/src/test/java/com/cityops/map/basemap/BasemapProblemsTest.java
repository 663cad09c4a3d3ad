package com.cityops.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A tile server failing every tile of a pan writes one line a minute, not hundreds. */
class BasemapProblemsTest {
  @Test
  void repeatsOfAKindAreCountedAndSaidAtMostOnceAMinute() {
    List<String> log = new ArrayList<>();
    AtomicLong clock = new AtomicLong();
    BasemapProblems problems = new BasemapProblems(log::add, clock::get);
    for (int i = 0; i < 200; i++) {
      problems.report("source osm: tiles", "tile 12/" + i + "/7 answered HTTP 500");
      clock.addAndGet(100_000_000); // 0.1 s apart: 20 s in all
    }
    problems.report("style x", "layer 'hills' of type 'hillshade' left out");
    assertThat(log)
        .containsExactly(
            "basemap: tile 12/0/7 answered HTTP 500",
            "basemap: layer 'hills' of type 'hillshade' left out");
    clock.addAndGet(60_000_000_000L);
    problems.report("source osm: tiles", "tile 12/200/7 answered HTTP 500");
    assertThat(log.get(2))
        .isEqualTo(
            "basemap: tile 12/200/7 answered HTTP 500 (and 199 more like it in the last minute)");
    assertThat(problems.status().problems()).isEqualTo(202);
    assertThat(problems.status().latest()).isEqualTo("tile 12/200/7 answered HTTP 500");
  }

  @Test
  void notesAreLoggedButDoNotCountAsProblems() {
    List<String> log = new ArrayList<>();
    BasemapProblems problems = new BasemapProblems(log::add, () -> 0);
    problems.note("source city", "ring wound the wrong way; reversed");
    assertThat(log).hasSize(1);
    assertThat(problems.status().ok()).isTrue();
  }
}
