package com.cityops.map.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {
  static final LonLat PEOPLES_SQUARE = LonLat.of(121.4737, 31.2304);
  private final Viewport view = Viewport.centeredOn(PEOPLES_SQUARE, 11.5, 1920, 1080);

  @Test
  void theCentreIsInTheMiddleOfTheScreenAndRoundTrips() {
    assertThat(view.screenX(WebMercator.x(PEOPLES_SQUARE.lon()))).isCloseTo(960, within(1e-6));
    assertThat(view.screenY(WebMercator.y(PEOPLES_SQUARE.lat()))).isCloseTo(540, within(1e-6));
    LonLat corner = view.lonLatAt(0, 0);
    assertThat(corner.lon()).isLessThan(PEOPLES_SQUARE.lon());
    assertThat(corner.lat()).isGreaterThan(PEOPLES_SQUARE.lat());
    assertThat(view.screenX(view.mercatorX(123.4))).isCloseTo(123.4, within(1e-9));
  }

  @Test
  void resolutionHalvesWithEachZoomLevel() {
    // 156,543.03 m/px at zoom 0 on the equator (the well-known Web Mercator figure).
    assertThat(Viewport.centeredOn(LonLat.of(0, 0), 0, 256, 256).resolution())
        .isCloseTo(156_543.03392, within(1e-4));
    assertThat(view.resolution() * 2)
        .isCloseTo(new Viewport(0, 0, 10.5, 10, 10).resolution(), within(1e-9));
  }

  @Test
  void zoomingAroundAPointKeepsThatPointUnderTheCursor() {
    double mx = view.mercatorX(300);
    double my = view.mercatorY(200);
    Viewport zoomed = view.zoomAround(300, 200, 14.25);
    assertThat(zoomed.zoom()).isEqualTo(14.25);
    assertThat(zoomed.screenX(mx)).isCloseTo(300, within(1e-6));
    assertThat(zoomed.screenY(my)).isCloseTo(200, within(1e-6));
  }

  @Test
  void panningMovesTheContentWithTheDrag() {
    double mx = view.mercatorX(500);
    Viewport panned = view.panBy(100, -50);
    assertThat(panned.screenX(mx)).isCloseTo(600, within(1e-6));
  }

  @Test
  void fittingShowsTheWholeAreaAndClampsZoom() {
    Envelope shanghai =
        new Envelope(
            WebMercator.x(120.85),
            WebMercator.x(122.2),
            WebMercator.y(30.68),
            WebMercator.y(31.88));
    Viewport fitted = view.fit(shanghai, 20);
    assertThat(fitted.bounds().contains(shanghai)).isTrue();
    assertThat(fitted.zoom()).isBetween(8.0, 11.0);
    assertThat(view.zoomAround(0, 0, 40).zoom()).isEqualTo(Viewport.MAX_ZOOM);
  }
}
