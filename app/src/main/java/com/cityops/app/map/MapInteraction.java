package com.cityops.app.map;

import com.cityops.map.geo.LonLat;
import com.cityops.map.measure.Measurement;
import com.cityops.map.query.HitTester;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Pointing at the map: hover highlight, click to select with a callout (a click on a cluster flies
 * in until it comes apart), shift-drag to box-select, and measuring distance or area (click points,
 * double-click to finish, Esc to clear). Hits come from the engine's {@link HitTester} on what is
 * drawn; the feedback is a handful of shapes above the map, redrawn when the view moves.
 *
 * <p>FX thread only.
 */
public final class MapInteraction {
  /** What a click does. */
  public enum Tool {
    BROWSE,
    MEASURE_DISTANCE,
    MEASURE_AREA
  }

  private static final double TOLERANCE_PX = 6;
  private static final int MAX_PULSES = 8;

  private final MapView map;
  private final HitTester hits = new HitTester();
  private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BROWSE);
  private final ReadOnlyObjectWrapper<MapSelection> hovered = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<MapSelection> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<List<MapSelection>> boxSelection =
      new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<String> measurement = new ReadOnlyObjectWrapper<>("");
  private final Path hoverShape = shape("map-hover");
  private final Path selectionShape = shape("map-selection");
  private final Path measureShape = shape("map-measure");
  private final Rectangle box = new Rectangle();
  private final Label measureLabel = new Label();
  private final VBox callout = new VBox(2);
  private final List<Coordinate> measured = new ArrayList<>();
  private Function<MapSelection, List<String>> describe = MapInteraction::attributesOf;
  private final java.util.Map<javafx.scene.shape.Circle, Coordinate> pulses =
      new java.util.LinkedHashMap<>();
  private double boxX;
  private double boxY;

  public MapInteraction(MapView map) {
    this.map = map;
    map.getProperties().put(MapInteraction.class, this); // found from the map (tests, wall views)
    box.getStyleClass().add("map-box-select");
    box.setVisible(false);
    box.setMouseTransparent(true);
    measureLabel.getStyleClass().addAll("map-overlay", "map-measure-label");
    measureLabel.setMouseTransparent(true);
    measureLabel.setVisible(false);
    callout.getStyleClass().add("map-callout");
    callout.setMouseTransparent(true);
    callout.setVisible(false);
    callout.setManaged(false);
    map.overlay()
        .getChildren()
        .addAll(hoverShape, selectionShape, measureShape, box, measureLabel, callout);
    map.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
    map.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    map.addEventHandler(MouseEvent.MOUSE_PRESSED, this::boxStart);
    map.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::boxDrag);
    map.addEventHandler(MouseEvent.MOUSE_RELEASED, this::boxEnd);
    map.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    map.viewportProperty().addListener((obs, was, now) -> redraw());
    map.contentProperty().addListener((obs, was, now) -> redraw());
    selected.addListener((obs, was, now) -> redraw());
    tool.addListener(
        (obs, was, now) -> {
          map.setDoubleClickZoom(now == Tool.BROWSE);
          clearMeasurement();
        });
  }

  public ObjectProperty<Tool> toolProperty() {
    return tool;
  }

  /** The feature under the pointer, or null. */
  public ReadOnlyObjectProperty<MapSelection> hoveredProperty() {
    return hovered.getReadOnlyProperty();
  }

  /** The feature clicked last (settable: the app selects what the operator chose elsewhere). */
  public ObjectProperty<MapSelection> selectedProperty() {
    return selected;
  }

  /** The features of the last box selection. */
  public ReadOnlyObjectProperty<List<MapSelection>> boxSelectionProperty() {
    return boxSelection.getReadOnlyProperty();
  }

  /** The current measurement as text ("3.2 km", "1.5 km²"), or empty. */
  public ReadOnlyObjectProperty<String> measurementProperty() {
    return measurement.getReadOnlyProperty();
  }

  /**
   * A short expanding ring at a point (Web Mercator metres) — a case seen for the first time. An
   * overlay node animated for under four seconds, so the map is not redrawn for it; at most {@value
   * #MAX_PULSES} at once (a burst of new cases is not a light show).
   */
  public void pulse(double x, double y) {
    if (pulses.size() >= MAX_PULSES) {
      return;
    }
    javafx.scene.shape.Circle ring = new javafx.scene.shape.Circle(6);
    ring.getStyleClass().add("map-case-pulse");
    ring.setMouseTransparent(true);
    pulses.put(ring, new Coordinate(x, y));
    map.overlay().getChildren().add(map.overlay().getChildren().indexOf(hoverShape), ring);
    placePulse(ring, map.viewportProperty().get());
    javafx.util.Duration once = javafx.util.Duration.seconds(1.2);
    var grow = new javafx.animation.ScaleTransition(once, ring);
    grow.setFromX(1);
    grow.setFromY(1);
    grow.setToX(4);
    grow.setToY(4);
    var fade = new javafx.animation.FadeTransition(once, ring);
    fade.setFromValue(1);
    fade.setToValue(0);
    var both = new javafx.animation.ParallelTransition(grow, fade);
    both.setCycleCount(3);
    both.setOnFinished(
        e -> {
          pulses.remove(ring);
          map.overlay().getChildren().remove(ring);
        });
    both.play();
  }

  /** How many pulse rings are showing (tests). */
  int pulsesShowing() {
    return pulses.size();
  }

  private void placePulse(javafx.scene.shape.Circle ring, Viewport v) {
    Coordinate at = pulses.get(ring);
    if (at != null) {
      ring.setCenterX(v.screenX(at.x));
      ring.setCenterY(v.screenY(at.y));
    }
  }

  /** How a selected feature is described in its callout, a line each (first line as a title). */
  public void setDescriber(Function<MapSelection, List<String>> value) {
    this.describe = value;
    redraw();
  }

  private void hover(MouseEvent e) {
    hovered.set(first(e.getX(), e.getY()));
    redraw();
  }

  private MapSelection first(double x, double y) {
    for (HitTester.Hit hit :
        hits.hit(map.shownContent(), map.viewportProperty().get(), x, y, TOLERANCE_PX)) {
      if (hit instanceof HitTester.FeatureHit f) {
        return new MapSelection(f.layerId(), f.feature());
      }
    }
    return null;
  }

  private void click(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || e.isShiftDown()) {
      return;
    }
    Viewport v = map.viewportProperty().get();
    if (tool.get() != Tool.BROWSE) {
      if (e.getClickCount() == 1) {
        measured.add(new Coordinate(v.mercatorX(e.getX()), v.mercatorY(e.getY())));
      }
      redraw();
      e.consume(); // a double-click finishes the measurement instead of zooming
      return;
    }
    if (e.getClickCount() > 1) {
      return;
    }
    List<HitTester.Hit> under = hits.hit(map.shownContent(), v, e.getX(), e.getY(), TOLERANCE_PX);
    if (!under.isEmpty() && under.get(0) instanceof HitTester.ClusterHit cluster) {
      map.flyToFit(cluster.expandTo(), 60, 0.6);
      return;
    }
    selected.set(
        under.isEmpty() || !(under.get(0) instanceof HitTester.FeatureHit f)
            ? null
            : new MapSelection(f.layerId(), f.feature()));
  }

  private void boxStart(MouseEvent e) {
    if (e.isShiftDown() && e.getButton() == MouseButton.PRIMARY) {
      boxX = e.getX();
      boxY = e.getY();
      box.setVisible(true);
      box.setX(boxX);
      box.setY(boxY);
      box.setWidth(0);
      box.setHeight(0);
    }
  }

  private void boxDrag(MouseEvent e) {
    if (box.isVisible()) {
      box.setX(Math.min(boxX, e.getX()));
      box.setY(Math.min(boxY, e.getY()));
      box.setWidth(Math.abs(e.getX() - boxX));
      box.setHeight(Math.abs(e.getY() - boxY));
    }
  }

  private void boxEnd(MouseEvent e) {
    if (!box.isVisible()) {
      return;
    }
    box.setVisible(false);
    List<MapSelection> chosen = new ArrayList<>();
    for (HitTester.FeatureHit f :
        hits.select(
            map.shownContent(), map.viewportProperty().get(), boxX, boxY, e.getX(), e.getY())) {
      chosen.add(new MapSelection(f.layerId(), f.feature()));
    }
    boxSelection.set(List.copyOf(chosen));
    redraw();
  }

  private void key(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      selected.set(null);
      boxSelection.set(List.of());
      clearMeasurement();
      e.consume();
    }
  }

  private void clearMeasurement() {
    measured.clear();
    redraw();
  }

  /** Lays the feedback shapes out for the current view. */
  private void redraw() {
    Viewport v = map.viewportProperty().get();
    MapSelection hover = hovered.get();
    hoverShape
        .getElements()
        .setAll(hover == null ? List.of() : elements(hover.feature().geometry(), v));
    List<PathElement> chosen = new ArrayList<>();
    MapSelection one = selected.get();
    if (one != null) {
      chosen.addAll(elements(one.feature().geometry(), v));
    }
    for (MapSelection s : boxSelection.get()) {
      chosen.addAll(elements(s.feature().geometry(), v));
    }
    selectionShape.getElements().setAll(chosen);
    pulses.keySet().forEach(ring -> placePulse(ring, v));
    placeCallout(one, v);
    drawMeasurement(v);
  }

  private void placeCallout(MapSelection one, Viewport v) {
    if (one == null) {
      callout.setVisible(false);
      return;
    }
    List<Label> lines = new ArrayList<>();
    for (String line : describe.apply(one)) {
      Label label = new Label(line);
      label.getStyleClass().add(lines.isEmpty() ? "map-callout-title" : "map-callout-line");
      lines.add(label);
    }
    callout.getChildren().setAll(lines);
    Point anchor = anchor(one.feature().geometry());
    callout.applyCss(); // new labels: their font decides the size
    callout.autosize();
    double x = v.screenX(anchor.getX()) + 12;
    double y = v.screenY(anchor.getY()) - callout.getHeight() - 12;
    callout.relocate(
        Math.max(4, Math.min(v.width() - callout.getWidth() - 4, x)),
        Math.max(4, Math.min(v.height() - callout.getHeight() - 4, y)));
    callout.setVisible(true);
  }

  private void drawMeasurement(Viewport v) {
    List<PathElement> path = new ArrayList<>();
    for (int i = 0; i < measured.size(); i++) {
      Coordinate c = measured.get(i);
      double x = v.screenX(c.x);
      double y = v.screenY(c.y);
      path.add(i == 0 ? new MoveTo(x, y) : new LineTo(x, y));
    }
    boolean area = tool.get() == Tool.MEASURE_AREA;
    if (area && measured.size() > 2) {
      path.add(new ClosePath());
    }
    measureShape.getElements().setAll(path);
    String text = "";
    if (!area && measured.size() > 1) {
      text =
          Measurement.formatDistance(
              Measurement.lengthOfMercator(measured.toArray(new Coordinate[0])));
    } else if (area && measured.size() > 2) {
      List<LonLat> ring = new ArrayList<>();
      for (Coordinate c : measured) {
        ring.add(com.cityops.map.geo.WebMercator.inverse(c.x, c.y));
      }
      text = Measurement.formatArea(Measurement.areaSquareMetres(ring));
    }
    measurement.set(text);
    measureLabel.setText(text);
    measureLabel.setVisible(!text.isEmpty());
    if (!measured.isEmpty()) {
      Coordinate last = measured.get(measured.size() - 1);
      measureLabel.relocate(v.screenX(last.x) + 10, v.screenY(last.y) + 6);
    }
  }

  private static List<PathElement> elements(Geometry g, Viewport v) {
    List<PathElement> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        ring(polygon.getExteriorRing(), v, true, out);
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          ring(polygon.getInteriorRingN(h), v, true, out);
        }
      } else if (part instanceof LineString line) {
        ring(line, v, false, out);
      } else if (part instanceof Point p) {
        // A ring around the marker: a square 16 px across, visible on any symbol.
        double x = v.screenX(p.getX());
        double y = v.screenY(p.getY());
        out.add(new MoveTo(x - 9, y - 9));
        out.add(new LineTo(x + 9, y - 9));
        out.add(new LineTo(x + 9, y + 9));
        out.add(new LineTo(x - 9, y + 9));
        out.add(new ClosePath());
      }
    }
    return out;
  }

  private static void ring(LineString line, Viewport v, boolean closed, List<PathElement> out) {
    Coordinate[] cs = line.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      double x = v.screenX(cs[i].x);
      double y = v.screenY(cs[i].y);
      out.add(i == 0 ? new MoveTo(x, y) : new LineTo(x, y));
    }
    if (closed) {
      out.add(new ClosePath());
    }
  }

  private static Point anchor(Geometry g) {
    return g instanceof Point p ? p : g.getInteriorPoint();
  }

  private static Path shape(String styleClass) {
    Path p = new Path();
    p.getStyleClass().add(styleClass);
    p.setMouseTransparent(true);
    return p;
  }

  /** The default callout: name or title first, then the other attributes. */
  static List<String> attributesOf(MapSelection s) {
    List<String> lines = new ArrayList<>();
    String title = s.feature().text("name");
    if (title == null) {
      title = s.feature().text("title");
    }
    lines.add(title == null ? s.feature().id() : title);
    s.feature()
        .attributes()
        .forEach(
            (k, val) -> {
              if (!k.equals("name") && !k.equals("title")) {
                lines.add(k + ": " + val);
              }
            });
    return lines;
  }
}
