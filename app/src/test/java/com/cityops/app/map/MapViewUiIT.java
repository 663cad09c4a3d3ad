package com.cityops.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.GeoJsonDataStore;
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
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
    assertThat(fitted.screenX(panned.centerX())).isCloseTo(300, within(3.0));

    robot.clickOn(map).type(KeyCode.EQUALS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.viewportProperty().get().zoom()).isCloseTo(panned.zoom() + 1, within(1e-9));

    robot.moveTo(centre).scroll(3, javafx.geometry.VerticalDirection.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(map.viewportProperty().get().zoom()).isNotEqualTo(panned.zoom() + 1);
  }
}
