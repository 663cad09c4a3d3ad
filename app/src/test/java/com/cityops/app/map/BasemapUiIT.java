package com.cityops.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.basemap.Basemap;
import com.cityops.map.basemap.BasemapProblems;
import com.cityops.map.basemap.BasemapSources;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.view.Viewport;
import com.cityops.themes.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bundled dark basemap over the offline pack, in a real window: sea and land where they are,
 * and after a zoom the view settles with every tile drawn (stand-ins replaced) — tiles load and
 * rasterise on the basemap's threads while the FX thread only places images.
 */
@ExtendWith(ApplicationExtension.class)
class BasemapUiIT {
  private MapView map;
  private Basemap basemap;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = Files.createTempDirectory("cityops-basemap-ui");
    Path style = BundledBasemap.install(dir, Theme.DARK);
    basemap =
        Basemap.open(
            MapLibreStyle.read(style),
            BasemapSources.beside(style),
            new PlanRasterizer(),
            new BasemapProblems(line -> {}, System::nanoTime));
    map = new MapView(com.cityops.app.fx.FxPlatform.pulseExecutor(null), problem -> {});
    map.basemapProperty().set(basemap);
    map.viewportProperty().set(Viewport.centeredOn(LonLat.of(121.45, 31.1), 9.5, 800, 600));
    stage.setScene(new Scene(map, 800, 600));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(map::close).get();
    basemap.close();
  }

  private void awaitSettled() throws Exception {
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(map::isSettled).get());
  }

  private Color at(LonLat p) throws Exception {
    Viewport v = WaitForAsyncUtils.asyncFx(() -> map.viewportProperty().get()).get();
    WritableImage shot = WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get();
    return shot.getPixelReader()
        .getColor((int) v.screenX(WebMercator.x(p.lon())), (int) v.screenY(WebMercator.y(p.lat())));
  }

  @Test
  void aBasemapWithProblemsSaysSoQuietlyAndTheMapKeepsWorking() throws Exception {
    Path dir = Files.createTempDirectory("cityops-basemap-bad");
    Path style = dir.resolve("style.json");
    Files.writeString(
        style,
        """
        {"version": 8, "name": "broken", "sources": {
           "gone": {"type": "vector", "url": "mbtiles://no-such-pack.mbtiles"}},
         "layers": [
           {"id": "bg", "type": "background", "paint": {"background-color": "#223344"}},
           {"id": "land", "type": "fill", "source": "gone", "source-layer": "x"}]}
        """);
    Basemap broken =
        Basemap.open(
            MapLibreStyle.read(style),
            BasemapSources.beside(style),
            new PlanRasterizer(),
            new BasemapProblems(line -> {}, System::nanoTime));
    MapPane pane =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  MapPane p =
                      new MapPane(
                          map, com.cityops.app.i18n.Messages.forLanguage("zh-CN"), () -> null);
                  map.basemapProperty().set(broken);
                  return p;
                })
            .get();
    javafx.scene.control.Label note =
        (javafx.scene.control.Label) pane.node().lookup("#map-basemap-note");
    assertThat(note).isNotNull();
    assertThat(note.isVisible()).isTrue();
    assertThat(note.getText()).isEqualTo("底图 1 处异常（详见日志）");
    assertThat(note.getTooltip().getText()).contains("source 'gone' left out");
    awaitSettled(); // the background still draws, the view settles
    broken.close();
  }

  @Test
  void showsSeaAndLandAndSettlesCompleteAfterAZoom(FxRobot robot) throws Exception {
    awaitSettled();
    assertThat(at(LonLat.of(122.15, 30.75))).isEqualTo(Color.web("#06182b")); // East China Sea
    assertThat(at(LonLat.of(121.256, 30.967)))
        .isNotEqualTo(Color.web("#06182b")); // 松江 land, away from labels
    long before = map.rendersCompleted();
    robot.clickOn(map.localToScreen(400, 300)).type(javafx.scene.input.KeyCode.EQUALS); // +1 level
    awaitSettled();
    assertThat(map.viewportProperty().get().zoom()).isGreaterThan(9.9);
    assertThat(map.rendersCompleted()).isGreaterThan(before);
    assertThat(at(LonLat.of(121.256, 30.967))).isNotEqualTo(Color.web("#06182b"));
    assertThat(map.basemapStatusProperty().get().ok()).isTrue();
  }
}
