package com.cityops.map.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.data.Feature;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.style.Rgba;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class HeatmapTest {
  static final List<Rgba> RAMP =
      List.of(Rgba.hex("#2563eb"), Rgba.hex("#facc15"), Rgba.hex("#dc2626"));
  final Heatmap heatmap = new Heatmap(24, RAMP);

  /** 500 points around (300, 200) and 50 spread over a 800 × 600 screen; fixed seed. */
  static double[][] clustered(long seed) {
    Random r = new Random(seed);
    double[] xs = new double[550];
    double[] ys = new double[550];
    for (int i = 0; i < 500; i++) {
      xs[i] = 300 + r.nextGaussian() * 6;
      ys[i] = 200 + r.nextGaussian() * 6;
    }
    for (int i = 500; i < 550; i++) {
      xs[i] = r.nextDouble() * 800;
      ys[i] = r.nextDouble() * 600;
    }
    return new double[][] {xs, ys};
  }

  @Test
  void densityPeaksWhereThePointsCluster() {
    double[][] p = clustered(42);
    Heatmap.Image image = heatmap.render(p[0], p[1], null, 800, 600, Double.NaN);
    assertThat(image.width()).isEqualTo(200);
    assertThat(image.height()).isEqualTo(150);
    int bestX = 0;
    int bestY = 0;
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        if (image.alphaAt(x, y) > image.alphaAt(bestX, bestY)) {
          bestX = x;
          bestY = y;
        }
      }
    }
    assertThat(bestX * Heatmap.SCALE).isBetween(292, 308);
    assertThat(bestY * Heatmap.SCALE).isBetween(192, 208);
    assertThat(image.alphaAt(bestX, bestY)).isEqualTo(255);
    // The top of the ramp is red, premultiplied by full alpha.
    assertThat(image.argbAt(bestX, bestY)).isEqualTo(0xffdc2626);
    // Far from every point nothing is drawn.
    assertThat(image.alphaAt(10, 140)).isLessThan(image.alphaAt(bestX, bestY) / 4);
  }

  @Test
  void noPointsGiveATransparentImage() {
    Heatmap.Image image = heatmap.render(new double[0], new double[0], null, 801, 603, Double.NaN);
    assertThat(image.width()).isEqualTo(201);
    assertThat(image.height()).isEqualTo(151);
    assertThat(image.argbPre()).containsOnly(0);
    assertThat(image.maxDensity()).isZero();
  }

  @Test
  void isDeterministicAndPremultiplied() {
    double[][] p = clustered(7);
    Heatmap.Image a = heatmap.render(p[0], p[1], null, 800, 600, Double.NaN);
    Heatmap.Image b = heatmap.render(p[0], p[1], null, 800, 600, Double.NaN);
    assertThat(a.argbPre()).isEqualTo(b.argbPre());
    for (int argb : a.argbPre()) {
      int alpha = argb >>> 24;
      assertThat((argb >> 16) & 0xff).isLessThanOrEqualTo(alpha);
      assertThat((argb >> 8) & 0xff).isLessThanOrEqualTo(alpha);
      assertThat(argb & 0xff).isLessThanOrEqualTo(alpha);
    }
  }

  @Test
  void weightsAndAFixedNormalisationChangeTheColours() {
    double[] xs = {100, 300};
    double[] ys = {100, 100};
    Heatmap.Image weighted = heatmap.render(xs, ys, new double[] {1, 4}, 400, 200, Double.NaN);
    assertThat(weighted.alphaAt(25, 25)).isLessThan(weighted.alphaAt(75, 25));
    assertThat(weighted.maxDensity()).isEqualTo(4, org.assertj.core.api.Assertions.within(1e-6));
    // Normalised to 8, the heaviest point shows half strength instead of full.
    Heatmap.Image fixed = heatmap.render(xs, ys, new double[] {1, 4}, 400, 200, 8);
    assertThat(fixed.alphaAt(75, 25)).isBetween(120, 135);
  }

  @Test
  void featuresInAViewportAreWeightedByTheirAttribute() {
    GeometryFactory gf = new GeometryFactory();
    Viewport v = Viewport.centeredOn(LonLat.of(121.47, 31.23), 12, 800, 600);
    List<Feature> features = new ArrayList<>();
    features.add(
        new Feature(
            "a",
            gf.createPoint(new Coordinate(WebMercator.x(121.47), WebMercator.y(31.23))),
            Map.of("count", 3)));
    features.add(
        new Feature(
            "far",
            gf.createPoint(new Coordinate(WebMercator.x(100), WebMercator.y(10))),
            Map.of("count", 100)));
    Heatmap.Image image = heatmap.render(features, "count", v, Double.NaN);
    assertThat(image.maxDensity()).isEqualTo(3, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(image.alphaAt(100, 75)).isEqualTo(255);
  }

  @Test
  void aHundredThousandPointsOnAFullHdScreenTakeLittleTime() {
    Random r = new Random(1);
    int n = 100_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = r.nextDouble() * 1920;
      ys[i] = r.nextDouble() * 1080;
    }
    heatmap.render(xs, ys, null, 1920, 1080, Double.NaN); // warm-up
    long start = System.nanoTime();
    heatmap.render(xs, ys, null, 1920, 1080, Double.NaN);
    long ms = (System.nanoTime() - start) / 1_000_000;
    // About 150 cells per point: tens of milliseconds here; the bound only catches a lost kernel.
    assertThat(ms).isLessThan(2_000);
  }

  @Test
  void refusesARadiusBelowOneCellAndMismatchedArrays() {
    assertThatThrownBy(() -> new Heatmap(2, RAMP)).hasMessageContaining("at least 4 px");
    assertThatThrownBy(() -> heatmap.render(new double[2], new double[1], null, 10, 10, 1))
        .hasMessageContaining("same length");
  }
}
