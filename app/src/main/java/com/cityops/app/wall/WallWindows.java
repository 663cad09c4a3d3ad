package com.cityops.app.wall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One undecorated, screen-sized window per screen of the wall (JavaFX keeps only one full-screen
 * stage at a time), each on the OS screen the layout names. The content is laid out at the layout's
 * screen size and scaled to the screen's, so a screen of another resolution shows the same picture.
 * Screens plugged in or out, or changing resolution, move the windows without a restart; a wall
 * screen whose display is missing waits, hidden, and the log says which. FX thread only.
 */
public final class WallWindows implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WallWindows.class);

  private final WallDisplay wall;
  private final boolean onScreens;
  private final Map<String, Stage> stages = new LinkedHashMap<>();
  private final Map<String, Scale> scales = new LinkedHashMap<>();
  private final ListChangeListener<Screen> screensChanged = c -> place();

  /**
   * @param dressScene applies the theme and the app's pulse meters to each window's scene
   * @param onScreens true: on the OS screens; false: every window at the layout's size at the top
   *     left, for {@code --snapshot-dir} on a machine without the wall's screens
   */
  public WallWindows(WallDisplay wall, Consumer<Scene> dressScene, boolean onScreens) {
    this.wall = wall;
    this.onScreens = onScreens;
    WallLayout.Size size = wall.layout().screenSize();
    for (WallLayout.Screen screen : wall.screens()) {
      // New stages only: a style can be set only before a stage was ever shown.
      Stage stage = new Stage();
      stage.initStyle(StageStyle.UNDECORATED);
      stage.setTitle(wall.layout().name() + " · " + screen.id());
      Scale scale = new Scale(1, 1, 0, 0);
      Group holder = new Group(wall.screenRoot(screen.id()));
      wall.screenRoot(screen.id()).getTransforms().setAll(scale);
      Scene scene = new Scene(holder, size.width(), size.height(), Color.BLACK);
      dressScene.accept(scene);
      stage.setScene(scene);
      stages.put(screen.id(), stage);
      scales.put(screen.id(), scale);
    }
    Screen.getScreens().addListener(screensChanged);
    place();
  }

  /** The window of each wall screen, by screen id. */
  public Map<String, Stage> stages() {
    return stages;
  }

  /** The OS screens in the layout's order: left to right, then top to bottom. */
  static List<Rectangle2D> ordered(List<Screen> screens) {
    List<Rectangle2D> bounds = new ArrayList<>();
    screens.forEach(s -> bounds.add(s.getBounds()));
    bounds.sort(
        Comparator.comparingDouble(Rectangle2D::getMinY).thenComparingDouble(Rectangle2D::getMinX));
    return bounds;
  }

  private void place() {
    WallLayout layout = wall.layout();
    WallLayout.Size size = layout.screenSize();
    List<Rectangle2D> screens = ordered(Screen.getScreens());
    List<WallLayout.Screen> wallScreens = wall.screens();
    for (int i = 0; i < wallScreens.size(); i++) {
      WallLayout.Screen screen = wallScreens.get(i);
      Stage stage = stages.get(screen.id());
      int display = screen.display() != null ? screen.display() : i;
      Rectangle2D at;
      if (!onScreens) {
        at = new Rectangle2D(0, 0, size.width(), size.height());
      } else if (display < screens.size()) {
        at = screens.get(display);
      } else {
        LOG.warn(
            "wall screen '{}' waits for display {}: this PC has {} screen(s)",
            screen.id(),
            display,
            screens.size());
        stage.hide();
        continue;
      }
      double s = Math.min(at.getWidth() / size.width(), at.getHeight() / size.height());
      scales.get(screen.id()).setX(s);
      scales.get(screen.id()).setY(s);
      stage.setX(at.getMinX());
      stage.setY(at.getMinY());
      stage.setWidth(at.getWidth());
      stage.setHeight(at.getHeight());
      if (!stage.isShowing()) {
        stage.show();
      }
      LOG.info(
          "wall screen '{}' on display {} at {},{} {}×{} (scale {})",
          screen.id(),
          display,
          (int) at.getMinX(),
          (int) at.getMinY(),
          (int) at.getWidth(),
          (int) at.getHeight(),
          String.format("%.3f", s));
    }
  }

  @Override
  public void close() {
    Screen.getScreens().removeListener(screensChanged);
    stages.values().forEach(Stage::hide);
  }
}
