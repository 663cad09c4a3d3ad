package com.cityops.map.vector;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.style.Rgba;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Chicago tile through the dark test style into the engine's render plan. */
class VectorTileRendererTest {
  static final TileId TILE = TileId.of(13, 2101, 3044);

  static Map<String, VectorTile> chicago() throws IOException {
    return Map.of(
        "streets", MvtDecoder.decode(MvtFixturesTest.read("real-world/13-2101-3044.mvt")));
  }

  static MapLibreStyle dark() {
    return MapLibreStyle.read(Path.of("src/test/resources/maplibre/chicago-dark.json"));
  }

  @Test
  void layersBecomeOpsInStyleOrder() throws IOException {
    RenderPlan plan =
        new VectorTileRenderer(dark(), new PlanRasterizer()).plan(TILE, chicago(), 512);
    assertThat(plan.layers())
        .extracting(RenderPlan.LayerOps::layerId)
        .containsSubsequence(
            "background",
            "landuse",
            "water",
            "building",
            "road-minor",
            "motorway",
            "rail-stations",
            "place");
    RenderPlan.LayerOps background = plan.layers().get(0);
    assertThat(background.ops())
        .singleElement()
        .isInstanceOfSatisfying(
            DrawOp.Path.class, p -> assertThat(p.fill()).isEqualTo(Rgba.hex("#0b1622")));
    assertThat(ops(plan, "landuse"))
        .allSatisfy(
            op ->
                assertThat(op)
                    .isInstanceOfSatisfying(
                        DrawOp.Path.class,
                        p -> {
                          assertThat(p.closed()).isTrue();
                          assertThat(p.fill().a())
                              .isEqualTo(0.9); // fill-opacity folded into the colour
                        }));
    assertThat(ops(plan, "motorway"))
        .allSatisfy(
            op ->
                assertThat(op)
                    .isInstanceOfSatisfying(
                        DrawOp.Path.class,
                        p -> {
                          assertThat(p.fill()).isNull();
                          assertThat(p.width()).isEqualTo(3);
                          assertThat(p.stroke()).isEqualTo(new Rgba(255, 165, 0, 0.85));
                        }));
    assertThat(ops(plan, "rail-stations"))
        .isNotEmpty()
        .allSatisfy(
            op ->
                assertThat(op)
                    .isInstanceOfSatisfying(
                        DrawOp.Marker.class,
                        m -> assertThat(m.symbol().fill()).isEqualTo(Rgba.hex("#22d3ee"))));
    // Filters: buildings above ground only; the legacy $type filter keeps points out of roads.
    int above =
        (int)
            chicago().get("streets").layer("building").features().stream()
                .filter(f -> "false".equals(f.properties().get("underground")))
                .count();
    assertThat(ops(plan, "building")).hasSize(above);
  }

  @Test
  void labelsStayInsideTheTileAndApart() throws IOException {
    RenderPlan plan =
        new VectorTileRenderer(dark(), new PlanRasterizer()).plan(TILE, chicago(), 512);
    List<DrawOp.Text> labels = new ArrayList<>();
    plan.layers()
        .forEach(
            l ->
                l.ops().stream()
                    .filter(DrawOp.Text.class::isInstance)
                    .map(DrawOp.Text.class::cast)
                    .forEach(labels::add));
    assertThat(labels).isNotEmpty();
    assertThat(labels)
        .extracting(DrawOp.Text::text)
        .anySatisfy(t -> assertThat(t).matches(".*\\p{IsHan}.*"));
    for (DrawOp.Text t : labels) {
      assertThat(t.x()).isBetween(0.0, 512.0);
      assertThat(t.y()).isBetween(0.0, 512.0);
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        assertThat(
                Math.abs(labels.get(i).y() - labels.get(j).y()) > 10
                    || Math.abs(labels.get(i).x() - labels.get(j).x()) > 20)
            .as("%s and %s overlap", labels.get(i).text(), labels.get(j).text())
            .isTrue();
      }
    }
  }

  @Test
  void tileSizeScalesGeometryAndScaleScalesPixels() throws IOException {
    VectorTileRenderer renderer = new VectorTileRenderer(dark(), new PlanRasterizer());
    DrawOp.Path at512 = (DrawOp.Path) ops(renderer.plan(TILE, chicago(), 512), "water").get(0);
    DrawOp.Path at256 = (DrawOp.Path) ops(renderer.plan(TILE, chicago(), 256), "water").get(0);
    assertThat(at512.xy()[0]).isEqualTo(2 * at256.xy()[0]);
    BufferedImage hiDpi = renderer.render(TILE, chicago(), 256, 2);
    assertThat(hiDpi.getWidth()).isEqualTo(512);
    assertThat(hiDpi.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB_PRE);
    // The plan's viewport is the tile: its corners are the tile's Mercator corners.
    RenderPlan plan = renderer.plan(TILE, chicago(), 512);
    double span = 2 * WebMercator.HALF_WORLD / (1 << 13);
    assertThat(plan.viewport().mercatorX(0))
        .isCloseTo(
            -WebMercator.HALF_WORLD + 2101 * span, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(plan.viewport().mercatorY(512))
        .isCloseTo(WebMercator.HALF_WORLD - 3045 * span, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void iconsAndRasterLayersAreReportedNotDrawn() throws IOException {
    MapLibreStyle style = dark();
    new VectorTileRenderer(style, new PlanRasterizer()).plan(TILE, chicago(), 512);
    assertThat(style.problems().list())
        .anySatisfy(
            p -> assertThat(p).contains("'poi'").contains("icon-image").contains("sprites/dark"));
  }

  private static List<DrawOp> ops(RenderPlan plan, String layer) {
    return plan.layers().stream()
        .filter(l -> l.layerId().equals(layer))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ops for layer " + layer))
        .ops();
  }

  @Test
  void linesKeepTheirCapsJoinsAndDashes() {
    MapLibreStyle style =
        MapLibreStyle.parse(
            """
            {"version": 8, "sources": {"s": {"type": "vector"}}, "layers": [
              {"id": "bg", "type": "background", "paint": {"background-color": "#ffffff"}},
              {"id": "rail", "type": "line", "source": "s", "source-layer": "l",
               "layout": {"line-cap": "butt", "line-join": "bevel"},
               "paint": {"line-color": "#000000", "line-width": 4, "line-dasharray": [3, 2]}}]}
            """);
    assertThat(style.problems().isEmpty()).as("%s", style.problems()).isTrue();
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    VectorTile tile =
        new VectorTile(
            List.of(
                new VectorTile.Layer(
                    "l",
                    2,
                    4096,
                    List.of(
                        new VectorTile.Feature(
                            1L,
                            VectorTile.GeomType.LINESTRING,
                            gf.createLineString(
                                new org.locationtech.jts.geom.Coordinate[] {
                                  new org.locationtech.jts.geom.Coordinate(0, 2048),
                                  new org.locationtech.jts.geom.Coordinate(4096, 2048)
                                }),
                            Map.of())))));
    VectorTileRenderer renderer = new VectorTileRenderer(style, new PlanRasterizer());
    RenderPlan plan = renderer.plan(TILE, Map.of("s", tile), 256);
    DrawOp.Path line = (DrawOp.Path) ops(plan, "rail").get(0);
    assertThat(line.line().cap()).isEqualTo(DrawOp.LineStyle.Cap.BUTT);
    assertThat(line.line().join()).isEqualTo(DrawOp.LineStyle.Join.BEVEL);
    assertThat(line.line().dash()).containsExactly(3, 2);
    // 12 px drawn, 8 px gap (dash lengths are in line widths) along the middle row.
    BufferedImage image = renderer.render(TILE, Map.of("s", tile), 256, 1);
    StringBuilder row = new StringBuilder();
    for (int x = 0; x < 40; x++) {
      row.append((image.getRGB(x, 128) & 0xff) < 128 ? '#' : '.');
    }
    assertThat(row.toString()).isEqualTo("############........############........");
  }
}
