package com.cityops.map.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.MapFixtures;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Style;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
  static final MemoryFeatureSource DISTRICTS =
      GeoJsonDataStore.read(
          MapFixtures.fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
  static final Symbolizer.Label NAME =
      new Symbolizer.Label("name", 14, Rgba.hex("#ffffff"), Rgba.hex("#000000"), 1);
  static final Style STYLE =
      Style.of(
          Rule.of(
              "区",
              new Symbolizer.Fill(Rgba.hex("#1e3a5f")),
              new Symbolizer.Stroke(Rgba.hex("#5fa8ff"), 1.5)),
          Rule.of("区名", NAME).between(8, 22));
  private final Renderer renderer = new Renderer();

  @Test
  void drawsEveryDistrictAndLabelsThemWithoutOverlap() {
    MapContent content =
        new MapContent(List.of(FeatureLayer.of("districts", "行政区", DISTRICTS, STYLE)));
    Viewport city =
        Viewport.centeredOn(LonLat.of(121.47, 31.23), 9, 1920, 1080).fit(DISTRICTS.bounds(), 20);
    RenderPlan plan = renderer.plan(content, city);
    List<DrawOp> shapes = plan.layers().get(0).ops();
    assertThat(shapes).hasSize(32); // fill + stroke per district
    List<DrawOp> labels = plan.layers().get(1).ops();
    assertThat(labels).isNotEmpty();
    assertThat(labels).extracting(o -> ((DrawOp.Text) o).text()).contains("崇明区", "浦东新区");
    List<double[]> boxes = new ArrayList<>();
    for (DrawOp op : labels) {
      DrawOp.Text t = (DrawOp.Text) op;
      double w = LabelPlacer.estimateWidth(t.text(), 14) / 2;
      for (double[] b : boxes) {
        boolean overlap = Math.abs(b[0] - t.x()) < b[2] + w && Math.abs(b[1] - t.y()) < 14 * 1.3;
        assertThat(overlap).as(t.text()).isFalse();
      }
      boxes.add(new double[] {t.x(), t.y(), w});
    }
  }

  @Test
  void districtNamesKeepOffClusterCircles() {
    java.util.Random random = new java.util.Random(3);
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    List<com.cityops.map.data.Feature> sensors = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      double lon = 121.0 + random.nextDouble() * 0.9;
      double lat = 30.8 + random.nextDouble() * 0.8;
      sensors.add(
          new com.cityops.map.data.Feature(
              "s" + i,
              gf.createPoint(
                  new org.locationtech.jts.geom.Coordinate(
                      com.cityops.map.geo.WebMercator.x(lon),
                      com.cityops.map.geo.WebMercator.y(lat))),
              java.util.Map.of()));
    }
    MapContent content =
        new MapContent(
            List.of(
                FeatureLayer.of("districts", "行政区", DISTRICTS, STYLE),
                FeatureLayer.of(
                        "sensors",
                        "传感器",
                        new MemoryFeatureSource("sensors", sensors),
                        Style.of(
                            Rule.of(
                                "点",
                                new Symbolizer.Marker(
                                    Symbolizer.Shape.CIRCLE, 5, Rgba.hex("#22d3ee"), null))))
                    .clusteredBelow(13)));
    Viewport city =
        Viewport.centeredOn(LonLat.of(121.47, 31.23), 9, 1920, 1080).fit(DISTRICTS.bounds(), 20);
    RenderPlan plan = renderer.plan(content, city);
    List<DrawOp.Marker> circles =
        plan.layers().get(1).ops().stream()
            .filter(o -> o instanceof DrawOp.Marker m && m.symbol().size() >= 16)
            .map(DrawOp.Marker.class::cast)
            .toList();
    assertThat(circles).hasSizeGreaterThan(20);
    List<DrawOp> labels = plan.layers().get(2).ops();
    assertThat(labels).hasSizeGreaterThan(5);
    for (DrawOp op : labels) {
      DrawOp.Text t = (DrawOp.Text) op;
      double halfW = (LabelPlacer.estimateWidth(t.text(), 14) + 4) / 2;
      double halfH = 14 * 1.3 / 2;
      for (DrawOp.Marker c : circles) {
        double r = c.symbol().size() / 2;
        boolean overlap =
            Math.abs(c.x() - t.x()) < halfW + r && Math.abs(c.y() - t.y()) < halfH + r;
        assertThat(overlap).as("%s over a cluster at %.0f,%.0f", t.text(), c.x(), c.y()).isFalse();
      }
    }
  }

  @Test
  void cullsWhatIsOutOfViewAndAppliesRulesByZoom() {
    MapContent content =
        new MapContent(List.of(FeatureLayer.of("districts", "行政区", DISTRICTS, STYLE)));
    Viewport street = Viewport.centeredOn(LonLat.of(121.4737, 31.2304), 15, 800, 600);
    RenderPlan plan = renderer.plan(content, street);
    assertThat(plan.layers().get(0).ops().size()).isBetween(2, 16); // a few of 16 districts
    Viewport world = Viewport.centeredOn(LonLat.of(121.47, 31.23), 5, 800, 600);
    assertThat(renderer.plan(content, world).layers().get(1).ops()).isEmpty(); // no labels below 8
  }

  @Test
  void simplifiesAtLowZoom() {
    MapContent content =
        new MapContent(List.of(FeatureLayer.of("districts", "行政区", DISTRICTS, STYLE)));
    int far =
        points(renderer.plan(content, Viewport.centeredOn(LonLat.of(121.47, 31.23), 7, 800, 600)));
    int near =
        points(
            renderer.plan(content, Viewport.centeredOn(LonLat.of(121.47, 31.23), 12, 8000, 6000)));
    assertThat(far).isLessThan(near);
  }

  @Test
  void hiddenLayersDrawNothing() {
    MapContent content =
        new MapContent(
            List.of(FeatureLayer.of("districts", "行政区", DISTRICTS, STYLE).withVisible(false)));
    assertThat(
            renderer
                .plan(content, Viewport.centeredOn(LonLat.of(121.47, 31.23), 10, 800, 600))
                .size())
        .isZero();
  }

  private static int points(RenderPlan plan) {
    return plan.layers().get(0).ops().stream()
        .mapToInt(o -> o instanceof DrawOp.Path p ? p.xy().length / 2 : 0)
        .sum();
  }
}
