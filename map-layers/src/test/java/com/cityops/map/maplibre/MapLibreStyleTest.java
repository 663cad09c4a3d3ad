package com.cityops.map.maplibre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.style.Rgba;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading MapLibre v8 styles: sources, layers, filters, functions, defaults, reported problems. */
class MapLibreStyleTest {
  static final Path DARK = Path.of("src/test/resources/maplibre/chicago-dark.json");

  private static Expression.Context feature(double zoom, String type, Map<String, Object> props) {
    return new Expression.Context(zoom, props, type, 1L);
  }

  private static MapLibreStyle.Layer layer(MapLibreStyle style, String id) {
    return style.layers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void readsSourcesLayersAndSprite() {
    MapLibreStyle style = MapLibreStyle.read(DARK);
    assertThat(style.name()).isEqualTo("CityOps dark (test)");
    assertThat(style.sprite()).isEqualTo("https://tiles.example.invalid/sprites/dark");
    assertThat(style.sources().get("streets").type()).isEqualTo("vector");
    assertThat(style.sources().get("streets").maxzoom()).isEqualTo(14);
    assertThat(style.layers())
        .extracting(MapLibreStyle.Layer::id)
        .containsExactly(
            "background",
            "landuse",
            "water",
            "waterway",
            "building",
            "road-minor",
            "road-major",
            "motorway",
            "rail-stations",
            "poi",
            "place");
    assertThat(layer(style, "poi").sourceLayer()).isEqualTo("poi_label");
  }

  @Test
  void reportsWhatItLeavesOutOnceEachAndKeepsTheRest() {
    MapLibreStyle style = MapLibreStyle.read(DARK);
    assertThat(style.problems().list())
        .containsExactly(
            "layer '3d-buildings': type 'fill-extrusion' — CityOps draws background, fill, line,"
                + " circle, symbol and raster layers; left out",
            "layer 'poi': layout 'text-font' — not drawn by CityOps yet; left out");
    assertThat(
            style
                .problems()
                .report("poi", "layout 'text-font'", "not drawn by CityOps yet;" + " left out"))
        .as("said once")
        .isFalse();
  }

  @Test
  void legacyFiltersAndFunctionsWork() {
    MapLibreStyle style = MapLibreStyle.read(DARK);
    Expression building = layer(style, "building").filter();
    assertThat(building.evaluate(feature(13, "Polygon", Map.of("underground", "false"))))
        .isEqualTo(true);
    assertThat(building.evaluate(feature(13, "Polygon", Map.of("underground", "true"))))
        .isEqualTo(false);
    Expression minor = layer(style, "road-minor").filter();
    assertThat(minor.evaluate(feature(13, "LineString", Map.of("class", "street"))))
        .isEqualTo(true);
    assertThat(minor.evaluate(feature(13, "Point", Map.of("class", "street")))).isEqualTo(false);
    assertThat(minor.evaluate(feature(13, "LineString", Map.of("class", "motorway"))))
        .isEqualTo(false);
    // {"base": 1.4, "stops": [[8, 1], [16, 6]]}
    Expression width = layer(style, "waterway").property("paint", "line-width");
    assertThat((double) width.evaluate(Expression.Context.zoom(8))).isEqualTo(1);
    assertThat((double) width.evaluate(Expression.Context.zoom(16))).isEqualTo(6);
    double mid = (double) width.evaluate(Expression.Context.zoom(12));
    double t = (Math.pow(1.4, 4) - 1) / (Math.pow(1.4, 8) - 1);
    assertThat(mid).isCloseTo(1 + 5 * t, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(
            layer(style, "poi")
                .property("layout", "text-field")
                .evaluate(feature(13, "Point", Map.of("name_zh", "威利斯大厦"))))
        .isEqualTo("威利斯大厦");
  }

  @Test
  void defaultsComeFromTheSpecReference() {
    MapLibreStyle style = MapLibreStyle.read(DARK);
    Expression.Context z = Expression.Context.zoom(13);
    // line-width default 1, line-opacity 1, text-size 16, text-color #000000, circle-radius 5
    assertThat(layer(style, "road-minor").property("paint", "line-opacity").evaluate(z))
        .isEqualTo(1.0);
    assertThat(layer(style, "place").property("paint", "text-opacity").evaluate(z)).isEqualTo(1.0);
    assertThat(layer(style, "water").property("paint", "fill-opacity").evaluate(z)).isEqualTo(1.0);
    assertThat(layer(style, "rail-stations").property("paint", "circle-opacity").evaluate(z))
        .isEqualTo(1.0);
    assertThat(StyleSpec.v8().property("symbol", "layout", "text-size").defaultValue())
        .isEqualTo(16.0);
    assertThat(StyleSpec.v8().property("symbol", "paint", "text-color").defaultValue())
        .isEqualTo(new Rgba(0, 0, 0, 1));
    assertThat(StyleSpec.v8().property("circle", "paint", "circle-radius").defaultValue())
        .isEqualTo(5.0);
    assertThat(StyleSpec.v8().property("fill", "paint", "no-such-thing")).isNull();
  }

  @Test
  void zoomRangeAndHiddenLayers() {
    MapLibreStyle style =
        MapLibreStyle.parse(
            """
            {"version": 8, "sources": {"s": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}},
                                       "r": {"type": "raster", "tiles": ["https://x/{z}/{x}/{y}.png"], "tileSize": 256}},
             "layers": [
               {"id": "a", "type": "circle", "source": "s", "minzoom": 10, "maxzoom": 14},
               {"id": "hidden", "type": "line", "source": "s", "layout": {"visibility": "none"}},
               {"id": "sat", "type": "raster", "source": "r", "paint": {"raster-opacity": 0.5}},
               {"id": "nosource", "type": "line", "source": "nowhere"},
               {"id": "badfilter", "type": "line", "source": "s", "filter": ["within", {}]},
               {"id": "badcolour", "type": "line", "source": "s", "paint": {"line-color": "not-a-colour"}}
             ]}""");
    MapLibreStyle.Layer a = style.layers().get(0);
    assertThat(a.visibleAt(9.99)).isFalse();
    assertThat(a.visibleAt(10)).isTrue();
    assertThat(a.visibleAt(14)).isFalse();
    assertThat(style.layers())
        .extracting(MapLibreStyle.Layer::id)
        .containsExactly("a", "sat", "badcolour");
    assertThat(style.sources().get("r").tileSize()).isEqualTo(256);
    assertThat(style.sources().get("s").data().path("type").asText())
        .isEqualTo("FeatureCollection");
    assertThat(style.problems().list())
        .anySatisfy(p -> assertThat(p).contains("'nosource'").contains("no such source"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("'badfilter'")
                    .contains("filter")
                    .contains("'within' is not supported"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("'badcolour'")
                    .contains("line-color")
                    .contains("'not-a-colour' is not a colour"));
  }

  @Test
  void refusesDocumentsThatAreNotV8Styles() {
    assertThatThrownBy(() -> MapLibreStyle.parse("{\"version\": 7, \"layers\": []}"))
        .isInstanceOf(MapLibreStyleException.class)
        .hasMessageContaining("version 7");
    assertThatThrownBy(() -> MapLibreStyle.parse("  "))
        .isInstanceOf(MapLibreStyleException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> MapLibreStyle.parse("{\"version\": 8"))
        .isInstanceOf(MapLibreStyleException.class)
        .hasMessageContaining("not JSON");
  }
}
