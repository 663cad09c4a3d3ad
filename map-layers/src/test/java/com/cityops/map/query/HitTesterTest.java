package com.cityops.map.query;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.PointClusters;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.render.Renderer;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Style;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class HitTesterTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final Rgba RED = Rgba.hex("#dc2626");
  final HitTester tester = new HitTester();

  /** A 1000 × 1000 px view at zoom 0-ish scale: 1 px = 10 m, centred on the origin. */
  static Viewport view() {
    // resolution = 2·HALF_WORLD / (256·2^z); pick z so one pixel is 10 m.
    double z = Math.log(2 * WebMercator.HALF_WORLD / (10 * 256)) / Math.log(2);
    return new Viewport(0, 0, z, 1000, 1000);
  }

  static Feature point(String id, double x, double y) {
    return new Feature(id, GF.createPoint(new Coordinate(x, y)), Map.of());
  }

  static MapContent synthetic() {
    Feature square =
        new Feature(
            "square",
            GF.createPolygon(
                new Coordinate[] {
                  new Coordinate(-2000, -2000),
                  new Coordinate(2000, -2000),
                  new Coordinate(2000, 2000),
                  new Coordinate(-2000, 2000),
                  new Coordinate(-2000, -2000)
                }),
            Map.of());
    Feature road =
        new Feature(
            "road",
            GF.createLineString(
                new Coordinate[] {new Coordinate(-4000, 3000), new Coordinate(4000, 3000)}),
            Map.of());
    FeatureLayer areas =
        FeatureLayer.of(
            "areas",
            "areas",
            new MemoryFeatureSource("areas", List.of(square, road)),
            Style.of(Rule.of("area", new Symbolizer.Fill(RED), new Symbolizer.Stroke(RED, 4))));
    FeatureLayer points =
        FeatureLayer.of(
            "points",
            "points",
            new MemoryFeatureSource("points", List.of(point("p1", 0, 0), point("p2", 60, 0))),
            Style.of(Rule.of("p", new Symbolizer.Marker(Symbolizer.Shape.CIRCLE, 10, RED, null))));
    return new MapContent(List.of(areas, points));
  }

  @Test
  void theTopmostLayerWinsAndHitsAreNearestFirst() {
    Viewport v = view();
    // p1 is at screen (500, 500), p2 six pixels to its right; both markers are 10 px wide.
    List<HitTester.Hit> hits = tester.hit(synthetic(), v, 504, 500, 3);
    assertThat(hits).allMatch(h -> h.layerId().equals("points"));
    assertThat(hits)
        .extracting(h -> ((HitTester.FeatureHit) h).feature().id())
        .containsExactly("p1", "p2");
    assertThat(hits.get(0).distancePx()).isZero();
  }

  @Test
  void pointsLinesAndPolygonsAreHitByTheirDrawnShape() {
    Viewport v = view();
    MapContent content = synthetic();
    // 20 px from p1: outside its marker and tolerance, inside the square below it.
    assertThat(only(tester.hit(content, v, 520, 520, 3))).isEqualTo("areas:square");
    // The road runs at screen y = 200; 4 px stroke: within 2 + 3 px of it is a hit.
    assertThat(only(tester.hit(content, v, 100, 204.5, 3))).isEqualTo("areas:road");
    assertThat(tester.hit(content, v, 100, 206, 3)).isEmpty();
    // Far from everything.
    assertThat(tester.hit(content, v, 950, 950, 3)).isEmpty();
  }

  @Test
  void invisibleLayersAndRulesOutsideTheirZoomCannotBeHit() {
    Viewport v = view();
    MapContent content = synthetic();
    MapContent hidden = content.with(content.layers().get(1).withVisible(false));
    assertThat(only(tester.hit(hidden, v, 500, 500, 3))).isEqualTo("areas:square");
    FeatureLayer points = content.layers().get(1);
    MapContent zoomedOut =
        content.with(
            FeatureLayer.of(
                points.id(),
                points.title(),
                points.source(),
                new Style(List.of(points.style().rules().get(0).between(18, 22)))));
    assertThat(only(tester.hit(zoomedOut, v, 500, 500, 3))).isEqualTo("areas:square");
  }

  @Test
  void boxSelectionReturnsWhatTheRectangleMeets() {
    Viewport v = view();
    List<HitTester.FeatureHit> selected = tester.select(synthetic(), v, 490, 490, 520, 510);
    assertThat(selected)
        .extracting(h -> h.layerId() + ":" + h.feature().id())
        .containsExactly("points:p1", "points:p2", "areas:square");
    assertThat(tester.select(synthetic(), v, 900, 900, 950, 950)).isEmpty();
  }

  static String only(List<HitTester.Hit> hits) {
    assertThat(hits).hasSize(1);
    HitTester.FeatureHit hit = (HitTester.FeatureHit) hits.get(0);
    return hit.layerId() + ":" + hit.feature().id();
  }

  @Test
  void aPointInPutuoHitsPutuoOnTheRealDistricts() {
    MemoryFeatureSource districts =
        GeoJsonDataStore.read(fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
    MapContent content =
        new MapContent(
            List.of(
                FeatureLayer.of(
                    "districts",
                    "行政区",
                    districts,
                    Style.of(
                        Rule.of(
                            "区",
                            new Symbolizer.Fill(RED),
                            new Symbolizer.Stroke(Rgba.hex("#ffffff"), 1))))));
    Viewport v = Viewport.centeredOn(LonLat.of(121.45, 31.23), 11, 1200, 900);
    LonLat putuo = LonLat.of(121.392499, 31.241701); // the district's centre in the fixture
    double x = v.screenX(WebMercator.x(putuo.lon()));
    double y = v.screenY(WebMercator.y(putuo.lat()));
    assertThat(only(tester.hit(content, v, x, y, 2)))
        .isEqualTo(
            "districts:"
                + districts.all().stream()
                    .filter(f -> "普陀区".equals(f.text("name")))
                    .findFirst()
                    .orElseThrow()
                    .id());
    HitTester.FeatureHit hit = (HitTester.FeatureHit) tester.hit(content, v, x, y, 2).get(0);
    assertThat(hit.feature().text("name")).isEqualTo("普陀区");
    assertThat(hit.distancePx()).isZero();
    // People's Square is in 黄浦区.
    double px = v.screenX(WebMercator.x(121.4737));
    double py = v.screenY(WebMercator.y(31.2304));
    HitTester.FeatureHit huangpu = (HitTester.FeatureHit) tester.hit(content, v, px, py, 0).get(0);
    assertThat(huangpu.feature().text("name")).isEqualTo("黄浦区");
  }

  @Test
  void aClickOnARenderedClusterReturnsItsMembersAndZoomingToThemExpandsIt() {
    FeatureLayer layer = com.cityops.map.MapFixtures.clusteredSensors();
    MapContent content = new MapContent(List.of(layer));
    Viewport city = Viewport.centeredOn(LonLat.of(121.5, 31.25), 10, 1200, 900);
    RenderPlan plan = new Renderer().plan(content, city);
    List<DrawOp> ops = plan.layers().get(0).ops();
    int checked = 0;
    for (int i = 0; i + 1 < ops.size(); i++) {
      if (ops.get(i) instanceof DrawOp.Marker circle
          && ops.get(i + 1) instanceof DrawOp.Text count
          && circle.x() > 0
          && circle.x() < city.width()
          && circle.y() > 0
          && circle.y() < city.height()) {
        // Just inside the drawn circle's edge.
        double edge = circle.symbol().size() / 2 - 1;
        List<HitTester.Hit> hits = tester.hit(content, city, circle.x() + edge, circle.y(), 0);
        assertThat(hits).isNotEmpty();
        HitTester.ClusterHit cluster = (HitTester.ClusterHit) hits.get(0);
        assertThat(cluster.members()).hasSize(Integer.parseInt(count.text()));
        Viewport expanded = city.fit(cluster.expandTo(), 40);
        assertThat(expanded.zoom()).isGreaterThan(city.zoom());
        boolean apart =
            expanded.zoom() >= layer.clusterBelowZoom()
                || PointClusters.of(cluster.members(), expanded, PointClusters.CELL_PX).size() > 1;
        assertThat(apart).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
    // Above the cluster zoom the same layer hits single sensors.
    Viewport street = city.zoomAround(600, 450, 15);
    RenderPlan streetPlan = new Renderer().plan(content, street);
    DrawOp.Markers singles = (DrawOp.Markers) streetPlan.layers().get(0).ops().get(0);
    List<HitTester.Hit> single = tester.hit(content, street, singles.x(0) + 1, singles.y(0), 2);
    assertThat(single).isNotEmpty().allMatch(h -> h instanceof HitTester.FeatureHit);
  }
}
