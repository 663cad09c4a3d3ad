package com.cityops.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.LiveFeatureSource;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Style;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map control in a real window: drag pans, the wheel and + zoom, and the view fits the city.
 */
@ExtendWith(ApplicationExtension.class)
class MapViewUiIT {
  private MapView map;
  private MemoryFeatureSource districts;

  @Start
  void start(Stage stage) throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/com/cityops/sim/geo/shanghai-districts.geojson")) {
      districts =
          GeoJsonDataStore.read(
              new String(in.readAllBytes(), StandardCharsets.UTF_8), "districts", Crs.WGS84);
    }
    map = new MapView(com.cityops.app.fx.FxPlatform.pulseExecutor(null), problem -> {});
    map.contentProperty()
        .set(
            new MapContent(
                List.of(
                    FeatureLayer.of(
                        "districts",
                        "行政区",
                        districts,
                        Style.of(
                            Rule.of(
                                "区",
                                new Symbolizer.Fill(Rgba.hex("#12263b")),
                                new Symbolizer.Stroke(Rgba.hex("#3b82c4"), 1)))))));
    map.fit(districts.bounds(), 10);
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  private void awaitSettled() throws Exception {
    awaitSettled(map);
  }

  private static void awaitSettled(MapView view) throws Exception {
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(view::isSettled).get());
  }

  @Test
  void drawsTheDistrictsOffTheFxThreadAndShowsThemWhenSettled() throws Exception {
    awaitSettled();
    Viewport v = map.viewportProperty().get();
    // Well inside 浦东新区 the district fill shows.
    int x = (int) v.screenX(com.cityops.map.geo.WebMercator.x(121.75));
    int y = (int) v.screenY(com.cityops.map.geo.WebMercator.y(31.05));
    javafx.scene.image.WritableImage shot =
        WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get();
    javafx.scene.paint.Color inside = shot.getPixelReader().getColor(x, y);
    assertThat(inside.getRed() * 255).isCloseTo(0x12, within(6.0));
    assertThat(inside.getBlue() * 255).isCloseTo(0x3b, within(6.0));
    assertThat(map.rendersCompleted()).isPositive();
  }

  /**
   * A live layer changing 50 times a second is drawn at most once per the map's live interval: the
   * desk's default (10 images/s) and a wall's slower one (2 images/s) over the same two seconds.
   */
  @Test
  void drawsALiveLayerAtMostOncePerItsInterval() throws Exception {
    long quick = liveRendersWhileChanging(MapView.LIVE_EVERY);
    long slow = liveRendersWhileChanging(Duration.ofMillis(500));
    System.out.printf(
        "live images in 2 s of changes: every 100 ms %d, every 500 ms %d%n", quick, slow);
    assertThat(quick).isBetween(6L, 21L); // 2 s at ≤ 10/s, plus the first and the last
    assertThat(slow).isBetween(2L, 5L); // 2 s at ≤ 2/s, plus the first
  }

  private long liveRendersWhileChanging(Duration every) throws Exception {
    LiveFeatureSource moving = new LiveFeatureSource("vehicles");
    GeometryFactory points = new GeometryFactory();
    MapView live =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  MapView m =
                      new MapView(
                          com.cityops.app.fx.FxPlatform.pulseExecutor(null), problem -> {}, every);
                  m.contentProperty()
                      .set(
                          new MapContent(
                              List.of(
                                  FeatureLayer.of(
                                      "vehicles",
                                      "车辆",
                                      moving,
                                      Style.of(
                                          Rule.of(
                                              "车",
                                              new Symbolizer.Marker(
                                                  Symbolizer.Shape.CIRCLE,
                                                  8,
                                                  Rgba.hex("#f5a623"),
                                                  Rgba.hex("#ffffff"))))))));
                  m.fit(districts.bounds(), 10);
                  Stage other = new Stage();
                  other.setScene(new Scene(m, 400, 300));
                  other.show();
                  return m;
                })
            .get();
    try {
      awaitSettled(live);
      long before = WaitForAsyncUtils.asyncFx(live::rendersCompleted).get();
      long until = System.nanoTime() + 2_000_000_000L;
      for (int i = 0; System.nanoTime() < until; i++) {
        double x = com.cityops.map.geo.WebMercator.x(121.3 + (i % 50) * 0.01);
        double y = com.cityops.map.geo.WebMercator.y(31.2);
        moving.put(new Feature("car", points.createPoint(new Coordinate(x, y)), Map.of()));
        WaitForAsyncUtils.asyncFx(live::liveLayersChanged).get();
        Thread.sleep(20);
      }
      return WaitForAsyncUtils.asyncFx(live::rendersCompleted).get() - before;
    } finally {
      WaitForAsyncUtils.asyncFx(
              () -> {
                live.getScene().getWindow().hide();
                live.close();
              })
          .get();
    }
  }

  @Test
  void fliesToATargetAndKeepsTheCentreInsideTheMaxBounds() throws Exception {
    Viewport target = Viewport.centeredOn(com.cityops.map.geo.LonLat.of(121.50, 31.24), 14, 1, 1);
    WaitForAsyncUtils.asyncFx(() -> map.flyTo(target, 0.4)).get();
    WaitForAsyncUtils.waitFor(
        5,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> Math.abs(map.viewportProperty().get().zoom() - 14) < 1e-9);
    Viewport arrived = map.viewportProperty().get();
    assertThat(arrived.centerX()).isCloseTo(target.centerX(), within(0.01));
    assertThat(arrived.centerY()).isCloseTo(target.centerY(), within(0.01));

    WaitForAsyncUtils.asyncFx(
            () -> {
              map.setMaxBounds(districts.bounds());
              map.viewportProperty().set(arrived.panBy(-1e7, 0)); // far out to sea
            })
        .get();
    WaitForAsyncUtils.asyncFx(() -> map.setMaxBounds(districts.bounds())).get();
    assertThat(map.viewportProperty().get().centerX())
        .isLessThanOrEqualTo(districts.bounds().getMaxX() + 1e-6);
  }

  @Test
  void aFlungDragGlidesOnAfterRelease(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Viewport before = WaitForAsyncUtils.asyncFx(() -> map.viewportProperty().get()).get();
    // Synthetic events, so the speed of the fling does not depend on the robot's pacing.
    WaitForAsyncUtils.asyncFx(
            () -> {
              fire(javafx.scene.input.MouseEvent.MOUSE_PRESSED, 300);
              for (int x = 325; x <= 500; x += 25) {
                long until = System.nanoTime() + 4_000_000;
                while (System.nanoTime() < until) {
                  Thread.onSpinWait(); // ~4 ms between events: a brisk 6,000 px/s fling
                }
                fire(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, x);
              }
              fire(javafx.scene.input.MouseEvent.MOUSE_RELEASED, 500);
            })
        .get();
    Thread.sleep(1500);
    Viewport after = WaitForAsyncUtils.asyncFx(() -> map.viewportProperty().get()).get();
    // The content went on moving right after the button was released: more than the 200 px dragged.
    assertThat(400 - before.screenX(after.centerX())).isGreaterThan(210);
  }

  @Test
  void measuresADistanceGeodesicallyAndBoxSelectsDistricts(FxRobot robot) throws Exception {
    MapInteraction interaction = WaitForAsyncUtils.asyncFx(() -> new MapInteraction(map)).get();
    awaitSettled();
    Viewport v = WaitForAsyncUtils.asyncFx(() -> map.viewportProperty().get()).get();
    WaitForAsyncUtils.asyncFx(
            () -> interaction.toolProperty().set(MapInteraction.Tool.MEASURE_DISTANCE))
        .get();
    robot.clickOn(map.localToScreen(300, 300));
    robot.sleep(400); // not a double-click
    robot.clickOn(map.localToScreen(500, 300));
    WaitForAsyncUtils.waitForFxEvents();
    double expected =
        com.cityops.map.measure.Measurement.lengthOfMercator(
            new Coordinate(v.mercatorX(300), v.mercatorY(300)),
            new Coordinate(v.mercatorX(500), v.mercatorY(300)));
    assertThat(interaction.measurementProperty().get())
        .isEqualTo(com.cityops.map.measure.Measurement.formatDistance(expected));
    assertThat(map.viewportProperty().get().zoom()).isEqualTo(v.zoom()); // clicks did not zoom

    WaitForAsyncUtils.asyncFx(() -> interaction.toolProperty().set(MapInteraction.Tool.BROWSE))
        .get();
    assertThat(interaction.measurementProperty().get()).isEmpty();
    // Shift-drag a box over the city centre: several districts, the view does not pan.
    robot.press(KeyCode.SHIFT);
    robot
        .drag(map.localToScreen(380, 280), MouseButton.PRIMARY)
        .dropTo(map.localToScreen(430, 320));
    robot.release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(interaction.boxSelectionProperty().get()).hasSizeGreaterThan(1);
    assertThat(map.viewportProperty().get().centerX()).isEqualTo(v.centerX());

    // A click inside a district selects it, named in the callout.
    robot.clickOn(
        map.localToScreen(
            v.screenX(com.cityops.map.geo.WebMercator.x(121.75)),
            v.screenY(com.cityops.map.geo.WebMercator.y(31.05))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(interaction.selectedProperty().get().feature().text("name")).isEqualTo("浦东新区");
  }

  private void fire(javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x) {
    javafx.event.Event.fireEvent(
        map,
        new javafx.scene.input.MouseEvent(
            type,
            x,
            300,
            x,
            300,
            MouseButton.PRIMARY,
            1,
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false,
            null));
  }

  @Test
  void fitsThenPansAndZoomsWithMouseAndKeys(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    Viewport fitted = map.viewportProperty().get();
    assertThat(fitted.width()).isEqualTo(800);
    assertThat(fitted.bounds().contains(districts.bounds())).isTrue();

    Point2D centre = map.localToScreen(400, 300);
    robot.drag(centre, MouseButton.PRIMARY).dropBy(100, 0);
    WaitForAsyncUtils.waitForFxEvents();
    Viewport panned = map.viewportProperty().get();
    assertThat(panned.zoom()).isEqualTo(fitted.zoom());
    // At least the 100 px dragged; a quick drag glides on a little after release.
    assertThat(fitted.screenX(panned.centerX())).isLessThan(303);

    robot.clickOn(map).type(KeyCode.EQUALS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.viewportProperty().get().zoom()).isCloseTo(panned.zoom() + 1, within(1e-9));

    robot.moveTo(centre).scroll(3, javafx.geometry.VerticalDirection.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.viewportProperty().get().zoom()).isNotEqualTo(panned.zoom() + 1);
  }
}
