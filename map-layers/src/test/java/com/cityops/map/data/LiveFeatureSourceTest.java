package com.cityops.map.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Points that move, appear and disappear: area queries stay exact, versions grow per change. */
class LiveFeatureSourceTest {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private static Feature at(String id, double x, double y) {
    return new Feature(id, GEOMETRY.createPoint(new Coordinate(x, y)), Map.of("kind", "car"));
  }

  @Test
  void areaQueriesMatchABruteForceScanThroughMovesAddsAndRemovals() {
    Random random = new Random(7);
    LiveFeatureSource live = new LiveFeatureSource("vehicles", 500);
    Map<String, double[]> truth = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String id = "v" + random.nextInt(800);
      double x = random.nextDouble() * 20_000;
      double y = random.nextDouble() * 20_000;
      int op = random.nextInt(10);
      if (op < 6 && truth.containsKey(id)) {
        assertThat(live.move(id, x, y)).isTrue();
        truth.put(id, new double[] {x, y});
      } else if (op < 8) {
        live.put(at(id, x, y));
        truth.put(id, new double[] {x, y});
      } else {
        assertThat(live.remove(id)).isEqualTo(truth.remove(id) != null);
      }
      if (step % 1_000 == 0) {
        Envelope box = new Envelope(x - 3_000, x + 3_000, y - 2_000, y + 2_000);
        assertThat(ids(live.features(box))).containsExactlyInAnyOrderElementsOf(inside(truth, box));
        Envelope everything = new Envelope(-1, 30_000, -1, 30_000);
        assertThat(live.features(everything)).hasSize(truth.size());
      }
    }
    assertThat(live.size()).isEqualTo(truth.size());
  }

  @Test
  void everyChangeBumpsTheVersionAndABatchCountsOnce() {
    LiveFeatureSource live = new LiveFeatureSource("cases");
    long v0 = live.version();
    live.put(at("a", 0, 0));
    assertThat(live.version()).isGreaterThan(v0);
    long v1 = live.version();
    live.apply(List.of(at("b", 1, 1), at("c", 2, 2)), List.of("a"));
    assertThat(live.version()).isEqualTo(v1 + 1);
    assertThat(live.move("nobody", 5, 5)).isFalse();
    assertThat(live.version()).isEqualTo(v1 + 1);
    assertThat(live.live()).isTrue();
    assertThat(ids(live.features(new Envelope(-10, 10, -10, 10))))
        .containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void readersNeverSeeAHalfAppliedMove() throws Exception {
    LiveFeatureSource live = new LiveFeatureSource("busy", 100);
    for (int i = 0; i < 2_000; i++) {
      live.put(at("p" + i, i, i));
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              Random random = new Random(1);
              for (int i = 0; i < 200_000; i++) {
                live.move(
                    "p" + random.nextInt(2_000),
                    random.nextDouble() * 2_000,
                    random.nextDouble() * 2_000);
              }
            });
    writer.start();
    while (writer.isAlive()) {
      try {
        // Each point is in exactly one place: the whole-area query always holds all of them once.
        List<Feature> all = live.features(new Envelope(-1, 2_001, -1, 2_001));
        assertThat(all).hasSize(2_000);
        assertThat(ids(all)).doesNotHaveDuplicates();
      } catch (Throwable t) {
        failure.set(t);
        break;
      }
    }
    writer.join();
    assertThat(failure.get()).isNull();
  }

  private static List<String> ids(List<Feature> features) {
    List<String> ids = new ArrayList<>();
    for (Feature f : features) {
      ids.add(f.id());
    }
    return ids;
  }

  private static List<String> inside(Map<String, double[]> truth, Envelope box) {
    List<String> ids = new ArrayList<>();
    truth.forEach(
        (id, p) -> {
          if (box.contains(p[0], p[1])) {
            ids.add(id);
          }
        });
    return ids;
  }
}
