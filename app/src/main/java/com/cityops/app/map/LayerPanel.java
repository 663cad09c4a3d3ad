package com.cityops.app.map;

import com.cityops.app.i18n.Messages;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.style.Legend;
import com.cityops.map.style.Rgba;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * The layer tree: every layer of the map, top first, with visibility, opacity and order controls
 * and its legend drawn from its style. Choices go into the map's {@link LayerSettings}, so they
 * hold when the app rebuilds its layers. Rebuilt only when the set of layers changes.
 *
 * <p>FX thread only.
 */
public final class LayerPanel {
  private final MapView map;
  private final Messages messages;
  private final VBox root = new VBox();
  private List<String> shownIds = List.of();

  public LayerPanel(MapView map, Messages messages) {
    this.map = map;
    this.messages = messages;
    root.getStyleClass().add("map-layer-panel");
    map.contentProperty().addListener((obs, was, now) -> rebuildIfLayersChanged());
    map.layerSettingsProperty().addListener((obs, was, now) -> rebuild());
    rebuild();
  }

  public VBox node() {
    return root;
  }

  private void rebuildIfLayersChanged() {
    List<String> ids = map.shownContent().layers().stream().map(FeatureLayer::id).toList();
    if (!ids.equals(shownIds)) {
      rebuild();
    }
  }

  private void rebuild() {
    MapContent shown = map.shownContent();
    shownIds = shown.layers().stream().map(FeatureLayer::id).toList();
    Label title = new Label(messages.get("map.layers"));
    title.getStyleClass().add("panel-title");
    root.getChildren().setAll(title);
    List<FeatureLayer> layers = shown.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      FeatureLayer layer = layers.get(i);
      root.getChildren().add(row(layer));
      for (Legend.Entry entry : Legend.of(layer.style()).entries()) {
        HBox legendRow = new HBox(swatch(entry), legendText(entry.title()));
        legendRow.getStyleClass().add("map-legend-row");
        root.getChildren().add(legendRow);
      }
    }
  }

  private HBox row(FeatureLayer layer) {
    CheckBox visible = new CheckBox(layer.title());
    visible.setSelected(layer.visible());
    visible.setId("layer-visible-" + layer.id());
    visible.setPrefWidth(120); // the controls line up in a column whatever the title's length
    visible
        .selectedProperty()
        .addListener(
            (obs, was, now) ->
                update(map.layerSettingsProperty().get().withVisible(layer.id(), now)));
    Slider opacity = new Slider(0, 1, layer.opacity());
    opacity.setPrefWidth(70);
    opacity.setId("layer-opacity-" + layer.id());
    opacity.setTooltip(new Tooltip(messages.get("map.layer.opacity")));
    opacity
        .valueChangingProperty()
        .addListener(
            (obs, was, changing) -> {
              if (!changing) {
                update(
                    map.layerSettingsProperty().get().withOpacity(layer.id(), opacity.getValue()));
              }
            });
    opacity.setOnMouseReleased(
        e -> update(map.layerSettingsProperty().get().withOpacity(layer.id(), opacity.getValue())));
    Button up = mover(layer, "▲", "up", 1);
    Button down = mover(layer, "▼", "down", -1);
    HBox row = new HBox(visible, opacity, up, down);
    row.getStyleClass().add("map-layer-row");
    return row;
  }

  /** A button that moves the layer {@code steps} places towards the top. */
  private Button mover(FeatureLayer layer, String glyph, String direction, int steps) {
    Button b = new Button(glyph);
    b.setId("layer-" + direction + "-" + layer.id());
    b.setTooltip(new Tooltip(messages.get("map.layer." + direction)));
    b.setOnAction(
        e ->
            update(
                map.layerSettingsProperty()
                    .get()
                    .moved(map.contentProperty().get(), layer.id(), steps)));
    return b;
  }

  private void update(LayerSettings next) {
    if (!next.equals(map.layerSettingsProperty().get())) {
      map.layerSettingsProperty().set(next);
    }
  }

  private static Label legendText(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("map-legend-text");
    return label;
  }

  /** A small picture of the symbol, drawn with the style's own colours (they are data). */
  private static Node swatch(Legend.Entry e) {
    Shape shape =
        switch (e.kind()) {
          case POLYGON -> new Rectangle(14, 10);
          case LINE -> new Line(0, 5, 14, 5);
          case POINT, ICON ->
              e.shape() == null
                  ? new Circle(5)
                  : switch (e.shape()) {
                    case CIRCLE -> new Circle(5);
                    case SQUARE -> new Rectangle(10, 10);
                    case TRIANGLE -> new Polygon(5, 0, 10, 10, 0, 10);
                    case DIAMOND -> new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
                  };
        };
    shape.setFill(e.kind() == Legend.SymbolKind.LINE ? Color.TRANSPARENT : fx(e.fill()));
    Rgba stroke = e.stroke();
    shape.setStroke(stroke == null ? Color.TRANSPARENT : fx(stroke));
    shape.setStrokeWidth(e.kind() == Legend.SymbolKind.LINE ? Math.max(1.5, e.strokeWidth()) : 1);
    return shape;
  }

  private static Color fx(Rgba c) {
    return c == null ? Color.TRANSPARENT : Color.rgb(c.r(), c.g(), c.b(), c.a());
  }
}
