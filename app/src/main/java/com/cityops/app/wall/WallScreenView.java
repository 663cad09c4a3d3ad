package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import com.cityops.app.map.MapView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * What one screen shows in one mode: each panel that falls on it, placed in the screen's pixels. A
 * panel spanning screens is laid out whole and shifted, so the screens' pieces join up; a spanning
 * map is instead one {@link MapView} per screen showing its part (drawing the whole map on every
 * screen would cost each PC the whole wall's pixels). FX thread only.
 */
final class WallScreenView {
  private final Pane root = new Pane();
  private final List<Runnable> closers = new ArrayList<>();
  private final List<MapView> maps = new ArrayList<>();

  WallScreenView(
      WallLayout.Screen screen,
      OperatingMode mode,
      WallGeometry geometry,
      WallPanels panels,
      Map<Integer, WallMapPanel> mapPanels) {
    WallLayout.Size size = geometry.layout().screenSize();
    root.setMinSize(size.width(), size.height());
    root.setPrefSize(size.width(), size.height());
    root.setMaxSize(size.width(), size.height());
    root.getStyleClass().add("wall-screen");
    root.setId("wall-screen-" + screen.id());
    for (WallGeometry.Placement p : geometry.placements(screen, mode)) {
      if (p.panel().kind() == PanelKind.MAP) {
        MapView map = mapPanels.get(p.index()).part(p.visibleInPanel());
        maps.add(map);
        place(map, p.visible());
      } else {
        WallPanels.Part part = panels.create(p.panel());
        closers.add(part.close());
        StackPane cell = new StackPane(part.node());
        cell.getStyleClass().add("wall-cell");
        place(cell, p.panelOnScreen());
      }
    }
  }

  private void place(javafx.scene.layout.Region node, WallGeometry.Rect at) {
    node.setMinSize(at.width(), at.height());
    node.setPrefSize(at.width(), at.height());
    node.setMaxSize(at.width(), at.height());
    node.relocate(at.x(), at.y());
    root.getChildren().add(node);
  }

  Node node() {
    return root;
  }

  /** The maps on this screen (drawn yet?). */
  List<MapView> maps() {
    return maps;
  }

  /** Lets go of the panels' threads and timers (the maps go with their {@link WallMapPanel}). */
  void close() {
    closers.forEach(Runnable::run);
  }
}
