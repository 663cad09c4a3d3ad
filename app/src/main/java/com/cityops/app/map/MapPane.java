package com.cityops.app.map;

import com.cityops.app.i18n.Messages;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.locationtech.jts.geom.Envelope;

/**
 * The map as operators use it: the {@link MapView} with its pointer tools (browse, measure distance
 * and area), the layer tree with legends, "whole city" and export to PNG.
 *
 * <p>FX thread only.
 */
public final class MapPane {
  private final MapView map;
  private final MapInteraction interaction;
  private final LayerPanel layers;
  private final StackPane root;
  private final Label status = new Label();

  /**
   * A quiet note while the basemap has problems (broken tiles, style features not drawn): the map
   * keeps working, the operator knows why a patch looks plain, the details are in the tooltip and
   * the log.
   */
  private static Label basemapNote(MapView map, Messages messages) {
    Label note = new Label();
    note.setId("map-basemap-note");
    note.getStyleClass().addAll("map-legend-text", com.cityops.themes.StyleClasses.MUTED);
    javafx.scene.control.Tooltip detail = new javafx.scene.control.Tooltip();
    note.setTooltip(detail);
    note.setVisible(false);
    map.basemapStatusProperty()
        .addListener(
            (obs, was, now) -> {
              note.setVisible(!now.ok());
              note.setText(now.ok() ? "" : messages.format("map.basemap.problems", now.problems()));
              detail.setText(now.latest() == null ? "" : now.latest());
            });
    return note;
  }

  /**
   * @param home the area "whole city" fits (null until known)
   */
  public MapPane(MapView map, Messages messages, Supplier<Envelope> home) {
    this.map = map;
    this.interaction = new MapInteraction(map);
    this.layers = new LayerPanel(map, messages);
    ToggleGroup tools = new ToggleGroup();
    ToggleButton browse = tool(messages.get("map.tool.browse"), MapInteraction.Tool.BROWSE, tools);
    ToggleButton distance =
        tool(messages.get("map.tool.distance"), MapInteraction.Tool.MEASURE_DISTANCE, tools);
    ToggleButton area =
        tool(messages.get("map.tool.area"), MapInteraction.Tool.MEASURE_AREA, tools);
    browse.setSelected(true);
    tools
        .selectedToggleProperty()
        .addListener(
            (obs, was, now) -> {
              if (now == null) {
                was.setSelected(true); // one tool is always chosen
              } else {
                interaction.toolProperty().set((MapInteraction.Tool) now.getUserData());
              }
            });
    ToggleButton showLayers = new ToggleButton(messages.get("map.tool.layers"));
    showLayers.setId("map-tool-layers");
    layers.node().visibleProperty().bind(showLayers.selectedProperty());
    layers.node().managedProperty().bind(showLayers.selectedProperty());
    Button fit = new Button(messages.get("map.tool.fit"));
    fit.setId("map-tool-fit");
    fit.setOnAction(
        e -> {
          Envelope city = home.get();
          if (city != null) {
            map.flyToFit(city, 16, 0.8);
          }
        });
    javafx.scene.control.MenuButton export =
        new javafx.scene.control.MenuButton(messages.get("map.tool.export"));
    export.setId("map-tool-export");
    for (ExportSize size : ExportSize.values()) {
      javafx.scene.control.MenuItem item =
          new javafx.scene.control.MenuItem(messages.get("map.export.size." + size.key));
      item.setId("map-export-" + size.key);
      item.setOnAction(e -> export(messages, size));
      export.getItems().add(item);
    }
    Label basemapNote = basemapNote(map, messages);
    HBox bar = new HBox(browse, distance, area, showLayers, fit, export, status, basemapNote);
    bar.getStyleClass().add("map-tools");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
    status.getStyleClass().add("map-legend-text");
    VBox side = new VBox(6, bar, layers.node());
    side.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
    side.setPickOnBounds(false);
    root = new StackPane(map, side);
    StackPane.setAlignment(side, Pos.TOP_LEFT);
  }

  public StackPane node() {
    return root;
  }

  public MapView map() {
    return map;
  }

  public MapInteraction interaction() {
    return interaction;
  }

  private ToggleButton tool(String text, MapInteraction.Tool value, ToggleGroup group) {
    ToggleButton b = new ToggleButton(text);
    b.setUserData(value);
    b.setToggleGroup(group);
    b.setId("map-tool-" + value.name().toLowerCase(java.util.Locale.ROOT));
    return b;
  }

  /** Sizes offered for a map export: the view itself, screens, and a printed page. */
  enum ExportSize {
    VIEW("view", 0, 0, 2),
    FULL_HD("1080p", 1920, 1080, 1),
    UHD("4k", 3840, 2160, 1),
    A4("a4", 3508, 2480, 1); // landscape A4 at 300 dpi

    final String key;
    final double width;
    final double height;
    final double scale;

    ExportSize(String key, double width, double height, double scale) {
      this.key = key;
      this.width = width;
      this.height = height;
      this.scale = scale;
    }
  }

  private void export(Messages messages, ExportSize size) {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
    chooser.setInitialFileName("cityops-map.png");
    java.io.File chosen = chooser.showSaveDialog(root.getScene().getWindow());
    if (chosen == null) {
      return;
    }
    Path file = chosen.toPath();
    // The view at twice its pixels (sharp in a report), or a chosen size showing the same area.
    double w = size == ExportSize.VIEW ? map.getWidth() : size.width;
    double h = size == ExportSize.VIEW ? map.getHeight() : size.height;
    map.exportPng(file, w, h, size.scale)
        .whenComplete(
            (done, failure) ->
                status.setText(
                    failure == null
                        ? messages.format("map.export.done", done)
                        : messages.format("map.export.failed", rootCause(failure))));
  }

  private static String rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
