package com.cityops.map.raster;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.MapFixtures;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.style.Filter;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Style;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.style.Symbolizer.Shape;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Rendering to pixels without a toolkit: references, scale, export. */
class MapImagesTest {
  private static final Rgba SEA = Rgba.hex("#07111c");
  private static final GeometryFactory POINTS = new GeometryFactory();

  static MapContent shanghai() {
    MemoryFeatureSource districts =
        GeoJsonDataStore.read(
            MapFixtures.fixture("shanghai-districts.geojson"), "districts", Crs.WGS84);
    Random random = new Random(42);
    List<Feature> sensors = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double lon = 121.2 + random.nextDouble() * 0.6;
      double lat = 31.0 + random.nextDouble() * 0.4;
      sensors.add(
          new Feature(
              "s" + i,
              POINTS.createPoint(new Coordinate(WebMercator.x(lon), WebMercator.y(lat))),
              Map.of("alarm", i % 10 == 0 ? "true" : "false")));
    }
    return new MapContent(
        List.of(
            FeatureLayer.of(
                "districts",
                "行政区",
                districts,
                Style.of(
                    Rule.of(
                        "区",
                        new Symbolizer.Fill(Rgba.hex("#12263b")),
                        new Symbolizer.Stroke(Rgba.hex("#3b82c4"), 1.5)),
                    Rule.of(
                        "区名",
                        new Symbolizer.Label(
                            "name", 16, Rgba.hex("#e8f1fb"), Rgba.hex("#0b1622"), 1)))),
            FeatureLayer.of(
                "sensors",
                "水位监测",
                new MemoryFeatureSource("sensors", sensors),
                Style.of(
                    Rule.of("正常", new Symbolizer.Marker(Shape.CIRCLE, 6, Rgba.hex("#22d3ee"), null))
                        .where(Filter.in("alarm", "false")),
                    Rule.of(
                            "告警",
                            new Symbolizer.Marker(
                                Shape.TRIANGLE, 11, Rgba.hex("#ef4444"), Rgba.hex("#ffffff")))
                        .where(Filter.in("alarm", "true"))))));
  }

  static Viewport downtown() {
    return Viewport.centeredOn(LonLat.of(121.45, 31.22), 11, 800, 600);
  }

  @Test
  void shanghaiDowntownMatchesItsReference() {
    BufferedImage image = MapImages.render(shanghai(), downtown(), 1, SEA);
    ImageComparison.assertMatchesReference(image, "shanghai-downtown-z11.png", 0.01);
  }

  @Test
  void aHeatmapLayerIsDrawnAsADensitySurfaceFromTheStyleFile() {
    String json =
        "{\"version\": 1, \"layers\": [{\"id\": \"heat\", \"title\": \"热力\","
            + " \"source\": {\"type\": \"memory\"}, \"renderer\": {\"type\": \"simple\","
            + " \"rules\": [{\"title\": \"密度\", \"heatmap\": {\"radius\": 30,"
            + " \"ramp\": [\"#1e3a8a\", \"#f59e0b\", \"#ef4444\"]}}]}}]}";
    com.cityops.map.style.LayerSpec spec =
        com.cityops.map.style.StyleFile.parse(json).layers().get(0);
    MapContent base = shanghai();
    FeatureLayer sensors = base.layers().get(1);
    MapContent content =
        new MapContent(List.of(base.layers().get(0), spec.toLayer(sensors.source())));
    BufferedImage image = MapImages.render(content, downtown(), 1, SEA);
    ImageComparison.assertMatchesReference(image, "shanghai-heatmap-z11.png", 0.01);
  }

  @Test
  void hiDpiRendersTwiceThePixelsOfTheSameView() {
    BufferedImage normal = MapImages.render(shanghai(), downtown(), 1, SEA);
    BufferedImage retina = MapImages.render(shanghai(), downtown(), 2, SEA);
    assertThat(retina.getWidth()).isEqualTo(2 * normal.getWidth());
    assertThat(retina.getHeight()).isEqualTo(2 * normal.getHeight());
    // The same district colour at the same logical spot (inside 静安区, well away from edges).
    Viewport v = downtown();
    int x = (int) v.screenX(WebMercator.x(121.448));
    int y = (int) v.screenY(WebMercator.y(31.245));
    assertThat(retina.getRGB(2 * x, 2 * y)).isEqualTo(normal.getRGB(x, y));
  }

  @Test
  void exportsAPngOfTheChosenSize(@TempDir Path dir) throws Exception {
    Viewport report = downtown().resized(1600, 900);
    Path file = dir.resolve("reports/map.png");
    MapImages.writePng(MapImages.render(shanghai(), report, 1, SEA), file);
    BufferedImage read = javax.imageio.ImageIO.read(file.toFile());
    assertThat(read.getWidth()).isEqualTo(1600);
    assertThat(read.getHeight()).isEqualTo(900);
  }

  @Test
  void anUnreadableIconIsReportedOnceAndDrawnAsItsFallback() {
    List<String> problems = new ArrayList<>();
    Symbolizer.Marker fallback = new Symbolizer.Marker(Shape.SQUARE, 10, Rgba.hex("#ff0000"), null);
    MapContent content =
        new MapContent(
            List.of(
                FeatureLayer.of(
                    "cams",
                    "视频",
                    new MemoryFeatureSource(
                        "cams",
                        List.of(
                            new Feature(
                                "c1",
                                POINTS.createPoint(
                                    new Coordinate(WebMercator.x(121.45), WebMercator.y(31.22))),
                                Map.of()))),
                    Style.of(
                        Rule.of("视频", new Symbolizer.Icon("/no/such/icon.png", 16, fallback))))));
    PlanRasterizer rasterizer = new PlanRasterizer(MapFonts.preferredFamily(), problems::add);
    var plan = new com.cityops.map.render.Renderer().plan(content, downtown());
    BufferedImage image = rasterizer.render(plan, 1, null);
    rasterizer.render(plan, 1, null);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("/no/such/icon.png").contains("drawn as a marker");
    assertThat(image.getRGB(400, 300) & 0xffffff).isEqualTo(0xff0000);
  }
}
