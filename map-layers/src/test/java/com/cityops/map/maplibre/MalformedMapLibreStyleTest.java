package com.cityops.map.maplibre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs found by {@link MapLibreStyleFuzzTest} (kept there as {@code regression-*} seeds too): a
 * malformed legacy filter leaves its layer out with a problem saying why, instead of failing the
 * whole style with a NullPointerException.
 */
class MalformedMapLibreStyleTest {
  private static String style(String filter) {
    return """
        {"version": 8,
         "sources": {"streets": {"type": "vector", "tiles": ["https://t.example.test/{z}/{x}/{y}.mvt"]}},
         "layers": [
           {"id": "ok", "type": "background", "paint": {"background-color": "#000"}},
           {"id": "bad", "type": "fill", "source": "streets", "source-layer": "building",
            "filter": %s}]}
        """
        .formatted(filter);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"building\"",
        "7",
        "{}",
        "null",
        "[\"has\"]",
        "[\"!has\"]",
        "[\"in\"]",
        "[\"!in\"]"
      })
  void aMalformedFilterLeavesItsLayerOutWithAReason(String filter) {
    MapLibreStyle style = MapLibreStyle.parse(style(filter));
    assertThat(style.layers()).extracting(MapLibreStyle.Layer::id).containsExactly("ok");
    assertThat(style.problems().list())
        .anySatisfy(p -> assertThat(p).contains("bad").contains("filter"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "[]", "8", "{\"version\": 8}"})
  void aStyleThatIsNoStyleIsRefused(String text) {
    assertThatThrownBy(() -> MapLibreStyle.parse(text))
        .isInstanceOf(MapLibreStyleException.class)
        .message()
        .isNotBlank();
  }
}
