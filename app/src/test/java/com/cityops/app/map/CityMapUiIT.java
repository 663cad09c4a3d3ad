package com.cityops.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.app.UiTestSupport;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.geo.LonLat;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.render.Renderer;
import com.cityops.map.view.Viewport;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The city one-map in the real app against the real reference backend: districts, streets and grids
 * arrive; sensors and cameras are counted clusters at city zoom and single symbols at street zoom;
 * clicking a case selects it with a callout; the layer tree hides a layer; the view exports.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CityMapUiIT {
  private SimServer server;
  private UiTestSupport.RunningApp app;
  private final Path dataDir = UiTestSupport.tempDir();
  private MapView map;

  @Start
  void start(Stage stage) {
    server =
        SimServer.start(
            SimConfig.builder().port(0).start(Instant.parse("2026-11-22T02:00:00Z")).build());
    app =
        UiTestSupport.open(
            stage,
            "--server",
            server.baseUrl(),
            "--user",
            "operator",
            "--data-dir",
            dataDir.toString());
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  private <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get();
  }

  private void awaitSettled() {
    await().atMost(Duration.ofSeconds(20)).until(() -> fx(map::isSettled));
  }

  private static List<DrawOp> ops(RenderPlan plan, String layerId) {
    return plan.layers().stream()
        .filter(l -> l.layerId().equals(layerId))
        .flatMap(l -> l.ops().stream())
        .toList();
  }

  @Test
  void showsTheCityClusteredAtCityZoomAndSingleAtStreetZoomAndSelectsACase(FxRobot robot)
      throws Exception {
    map = robot.lookup("#city-map").queryAs(MapView.class);
    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                fx(
                    () ->
                        map.shownContent().layers().stream()
                            .map(FeatureLayer::id)
                            .toList()
                            .containsAll(
                                List.of("districts", "streets", "grids", "devices", "incidents"))));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> shownLayer("devices").filter(l -> !l.source().bounds().isNull()).isPresent());
    awaitSettled();

    // City zoom: the 2,600 sensors and cameras are counted clusters.
    MapContent content = fx(map::shownContent);
    Viewport city = fx(() -> map.viewportProperty().get());
    List<DrawOp> cityDevices = ops(new Renderer().plan(content, city), "devices");
    assertThat(cityDevices)
        .anyMatch(op -> op instanceof DrawOp.Text t && Integer.parseInt(t.text()) > 1);
    assertThat(cityDevices.size()).isLessThan(800);

    // A click on a cluster flies in until it comes apart.
    DrawOp.Text count =
        cityDevices.stream()
            .filter(op -> op instanceof DrawOp.Text t && Integer.parseInt(t.text()) > 20)
            .map(DrawOp.Text.class::cast)
            .filter(t -> t.x() > 300 && t.y() > 120 && t.x() < city.width() - 40)
            .findFirst()
            .orElseThrow();
    robot.clickOn(fx(() -> map.localToScreen(count.x(), count.y())));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fx(() -> map.viewportProperty().get().zoom()) > city.zoom() + 1);

    // Street zoom in 普陀区: single symbols, no counts.
    Viewport street =
        Viewport.centeredOn(LonLat.of(121.40, 31.25), 15, city.width(), city.height());
    fx(
        () -> {
          map.viewportProperty().set(street);
          return null;
        });
    awaitSettled();
    List<DrawOp> streetDevices = ops(new Renderer().plan(fx(map::shownContent), street), "devices");
    assertThat(streetDevices)
        .isNotEmpty()
        .allMatch(op -> op instanceof DrawOp.Markers || op instanceof DrawOp.Icon)
        .anyMatch(op -> op instanceof DrawOp.Icon); // cameras have an icon

    // Click an open case: it is selected and its callout names it.
    Viewport v = fx(() -> map.viewportProperty().get());
    Feature aCase = openCaseInView(v);
    Point p = (Point) aCase.geometry();
    Point2D onScreen = fx(() -> map.localToScreen(v.screenX(p.getX()), v.screenY(p.getY())));
    robot.moveTo(onScreen).clickOn(MouseButton.PRIMARY);
    MapInteraction interaction = (MapInteraction) map.getProperties().get(MapInteraction.class);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fx(() -> interaction.selectedProperty().get()) != null);
    MapSelection chosen = fx(() -> interaction.selectedProperty().get());
    assertThat(chosen.layerId()).startsWith("incident");
    Path shot = Path.of("target", "screenshots", "map-street-selected.png");
    UiTestSupport.snapshot(robot, shot);
    robot.type(KeyCode.ESCAPE);

    // Layer tree: hide the devices; the content as drawn has them invisible.
    robot.clickOn("#map-tool-layers");
    robot.clickOn("#layer-visible-devices");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> shownLayer("devices").filter(FeatureLayer::visible).isEmpty());
    assertThat(robot.lookup("#layer-visible-devices").queryAs(CheckBox.class).isSelected())
        .isFalse();

    // The case heatmap is in the layer tree, off by default; switched on, it is drawn.
    robot.clickOn("#layer-visible-case-heat");
    fx(
        () -> {
          map.viewportProperty().set(city);
          return null;
        });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> shownLayer("case-heat").filter(FeatureLayer::visible).isPresent());
    awaitSettled();
    assertThat(ops(new Renderer().plan(fx(map::shownContent), city), "case-heat"))
        .anyMatch(op -> op instanceof DrawOp.Raster);
    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "map-layer-tree-heatmap.png"));

    // Export offers the view and fixed sizes (screens, a printed page).
    assertThat(
            robot
                .lookup("#map-tool-export")
                .queryAs(javafx.scene.control.MenuButton.class)
                .getItems())
        .extracting(javafx.scene.control.MenuItem::getId)
        .containsExactly("map-export-view", "map-export-1080p", "map-export-4k", "map-export-a4");

    // Export: a PNG of the chosen size, drawn off the FX thread.
    Path png = dataDir.resolve("export/map.png");
    fx(() -> map.exportPng(png, 1200, 800, 1)).get(20, java.util.concurrent.TimeUnit.SECONDS);
    var image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(800);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  /** The layer as the map draws it now (with the operator's layer settings). */
  private java.util.Optional<FeatureLayer> shownLayer(String id) throws Exception {
    return fx(
        () -> map.shownContent().layers().stream().filter(l -> l.id().equals(id)).findFirst());
  }

  private Feature openCaseInView(Viewport v) throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> !casesInView(v).isEmpty());
    return casesInView(v).get(0);
  }

  private List<Feature> casesInView(Viewport v) throws Exception {
    org.locationtech.jts.geom.Envelope inner = v.bounds();
    inner.expandBy(-inner.getWidth() * 0.2, -inner.getHeight() * 0.2); // away from the tools bar
    return shownLayer("incidents").map(l -> l.source().features(inner)).orElse(List.of());
  }
}
