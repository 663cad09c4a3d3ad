package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.TileId;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.view.Viewport;
import org.junit.jupiter.api.Test;

class BasemapViewsTest {
  private final Viewport peoplesSquare =
      Viewport.centeredOn(LonLat.of(121.475, 31.232), 12, 1920, 1080);

  @Test
  void aFullHdViewAtLevel12NeedsEightByFiveTiles() {
    var tiles = BasemapViews.tilesOf(BasemapViews.snapped(peoplesSquare));

    assertThat(tiles).hasSize(40).allMatch(t -> t.z() == 12);
    assertThat(tiles).contains(TileId.of(12, 3430, 1673));
  }

  @Test
  void aSnappedViewHasItsCornerOnAWholeWorldPixel() {
    Viewport v = BasemapViews.snapped(peoplesSquare);
    double[] c = BasemapViews.worldPixel(v);

    assertThat(c[0] - 960)
        .isCloseTo(Math.rint(c[0] - 960), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(c[1] - 540)
        .isCloseTo(Math.rint(c[1] - 540), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(Math.abs(v.screenX(peoplesSquare.centerX()) - 960)).isLessThanOrEqualTo(0.5);
  }

  @Test
  void theRasterStyleIsOneRasterSourceOnTheTemplate() {
    MapLibreStyle style =
        MapLibreStyle.parse(BasemapViews.rasterStyle("http://127.0.0.1:1/{z}/{x}/{y}.png"));

    assertThat(style.problems().list()).isEmpty();
    assertThat(style.sources()).containsOnlyKeys("raster");
    assertThat(style.sources().get("raster").tiles())
        .containsExactly("http://127.0.0.1:1/{z}/{x}/{y}.png");
    assertThat(style.layers())
        .singleElement()
        .extracting(MapLibreStyle.Layer::source)
        .isEqualTo("raster");
  }
}
