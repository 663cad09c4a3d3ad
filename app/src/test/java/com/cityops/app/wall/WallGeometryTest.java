package com.cityops.app.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cityops.api.OperatingMode;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.view.Viewport;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallGeometryTest {
  private final WallLayout twoByTwo =
      WallLayoutReader.read(WallLayoutReaderTest.walls().resolve("two-by-two.json"));
  private final WallGeometry geometry = new WallGeometry(twoByTwo);

  @Test
  void screensSitOnTheCanvasWithTheBezelsBetweenThem() {
    assertThat(geometry.wall())
        .isEqualTo(new WallGeometry.Rect(0, 0, 1920 * 2 + 12, 1080 * 2 + 12));
    assertThat(geometry.screen(twoByTwo.screen("bottom-right")))
        .isEqualTo(new WallGeometry.Rect(1932, 1092, 1920, 1080));
  }

  @Test
  void aSpanningPanelShowsItsPartOnEachScreen() {
    // normal[1]: the map over all four screens, area [0, 0.04, 1, 0.92]
    List<WallGeometry.Placement> onTopRight =
        geometry.placements(twoByTwo.screen("top-right"), OperatingMode.NORMAL);
    WallGeometry.Placement map =
        onTopRight.stream()
            .filter(p -> p.panel().kind() == PanelKind.MAP)
            .findFirst()
            .orElseThrow();
    double top = Math.round(0.04 * (1080 * 2 + 12));
    assertThat(map.visible()).isEqualTo(new WallGeometry.Rect(0, top, 1920, 1080 - top));
    assertThat(map.visibleInPanel()).isEqualTo(new WallGeometry.Rect(1932, 0, 1920, 1080 - top));
    assertThat(map.panelOnScreen().x()).isEqualTo(-1932);
    // every screen shows something in both modes
    for (WallLayout.Screen screen : twoByTwo.screens()) {
      for (OperatingMode mode : OperatingMode.values()) {
        assertThat(geometry.placements(screen, mode)).as(screen.id() + " " + mode).isNotEmpty();
      }
    }
  }

  @Test
  void aRoadAcrossTheBezelStaysStraight() {
    // A straight road on the map (a line in Mercator), crossing from the left screen to the right.
    Viewport whole = Viewport.centeredOn(LonLat.of(121.47, 31.23), 14, 1920 * 2 + 12, 1080);
    WallGeometry.Rect left = new WallGeometry.Rect(0, 0, 1920, 1080);
    WallGeometry.Rect right = new WallGeometry.Rect(1932, 0, 1920, 1080);
    Viewport leftView = WallGeometry.part(whole, left);
    Viewport rightView = WallGeometry.part(whole, right);
    double x0 = WebMercator.x(121.44), y0 = WebMercator.y(31.22);
    double x1 = WebMercator.x(121.50), y1 = WebMercator.y(31.24);
    // Two points of the road on each screen, put back in wall pixels
    double[][] wallPoints = new double[4][];
    double[] ts = {0.1, 0.4, 0.6, 0.9};
    for (int i = 0; i < 4; i++) {
      double mx = x0 + (x1 - x0) * ts[i];
      double my = y0 + (y1 - y0) * ts[i];
      Viewport on = i < 2 ? leftView : rightView;
      WallGeometry.Rect origin = i < 2 ? left : right;
      wallPoints[i] = new double[] {on.screenX(mx) + origin.x(), on.screenY(my) + origin.y()};
    }
    assertThat(wallPoints[1][0]).as("on the left screen").isLessThan(1920);
    assertThat(wallPoints[2][0]).as("on the right screen").isGreaterThan(1932);
    // All four on one line: the slope left of the bezel equals the slope across it.
    double slopeLeft =
        (wallPoints[1][1] - wallPoints[0][1]) / (wallPoints[1][0] - wallPoints[0][0]);
    double slopeAcross =
        (wallPoints[2][1] - wallPoints[1][1]) / (wallPoints[2][0] - wallPoints[1][0]);
    double slopeRight =
        (wallPoints[3][1] - wallPoints[2][1]) / (wallPoints[3][0] - wallPoints[2][0]);
    assertThat(slopeAcross).isCloseTo(slopeLeft, within(1e-9));
    assertThat(slopeRight).isCloseTo(slopeLeft, within(1e-9));
    // and each point where the whole view puts it
    for (int i = 0; i < 4; i++) {
      double mx = x0 + (x1 - x0) * ts[i];
      assertThat(wallPoints[i][0]).isCloseTo(whole.screenX(mx), within(1e-6));
    }
  }
}
