package com.cityops.map.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.geo.LonLat;
import com.cityops.map.view.Viewport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class PointClustersTest {
  static final GeometryFactory GF = new GeometryFactory();

  @Test
  void everyPointIsInExactlyOneClusterAndClustersShrinkWhenZoomingIn() {
    List<Feature> points = com.cityops.map.MapFixtures.sensors(2_000, 7);
    Viewport city = Viewport.centeredOn(LonLat.of(121.5, 31.25), 10, 1200, 900);
    List<PointClusters.Cluster> far = PointClusters.of(points, city, 56);
    assertThat(far.stream().mapToInt(PointClusters.Cluster::count).sum()).isEqualTo(2_000);
    assertThat(far.size()).isLessThan(300);
    List<PointClusters.Cluster> near = PointClusters.of(points, city.zoomAround(600, 450, 14), 56);
    assertThat(near.size()).isGreaterThan(far.size() * 3);
  }

  @Test
  void aClusteredLayerDrawsCountsBelowItsZoomAndSinglePointsAbove() {
    var layer = com.cityops.map.MapFixtures.clusteredSensors();
    MapContent content = new MapContent(List.of(layer));
    Renderer renderer = new Renderer();
    RenderPlan city =
        renderer.plan(content, Viewport.centeredOn(LonLat.of(121.5, 31.25), 10, 1200, 900));
    long counts = city.layers().get(0).ops().stream().filter(o -> o instanceof DrawOp.Text).count();
    assertThat(counts).isGreaterThan(10);
    assertThat(city.layers().get(0).ops().size()).isLessThan(2_000);
    RenderPlan street =
        renderer.plan(content, Viewport.centeredOn(LonLat.of(121.5, 31.25), 14, 1200, 900));
    assertThat(street.layers().get(0).ops())
        .singleElement()
        .isInstanceOfSatisfying(DrawOp.Markers.class, m -> assertThat(m.count()).isPositive());
  }
}
