package com.cityops.app.map;

import com.cityops.map.content.MapContent;
import com.cityops.map.geo.LonLat;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.render.Renderer;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.view.Viewport;
import com.cityops.themes.StyleClasses;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The map control: draws what the engine's {@link Renderer} plans for the current {@link Viewport}
 * and content onto a canvas, at most once per pulse (drawing happens in layout), and turns mouse
 * and keys into new viewports — drag to pan, wheel and double-click to zoom around the pointer, +/−
 * and arrow keys. Shows a scale bar, the pointer's coordinates and the layers' attribution.
 */
public final class MapView extends StackPane {
  private static final double WHEEL_STEP = 1.0 / 240; // a notch of 40 px ≈ 1/6 zoom level
  private static final double KEY_PAN = 120;

  private final Canvas canvas = new Canvas();
  private final Renderer renderer = new Renderer();
  private final ObjectProperty<Viewport> viewport =
      new SimpleObjectProperty<>(Viewport.centeredOn(LonLat.of(121.47, 31.23), 10, 800, 600));
  private final ObjectProperty<MapContent> content = new SimpleObjectProperty<>(MapContent.EMPTY);
  private final Label coordinates = new Label();
  private final Label scale = new Label();
  private final Region scaleBar = new Region();
  private final Label attribution = new Label();
  private org.locationtech.jts.geom.Envelope pendingFit;
  private double pendingMargin;
  private double minZoom = 6;
  private double maxZoom = 19;
  private boolean dirty = true;
  private double dragX;
  private double dragY;
  private long lastPlanNanos;

  public MapView() {
    getStyleClass().add("map-view");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setFocusTraversable(true);
    coordinates.getStyleClass().addAll("map-overlay", StyleClasses.MUTED);
    attribution.getStyleClass().addAll("map-overlay", "map-attribution");
    scale.getStyleClass().addAll("map-overlay");
    scaleBar.getStyleClass().add("map-scale-bar");
    VBox scaleBox = new VBox(2, scale, scaleBar);
    scaleBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    // The canvas follows the control's size; it must not drive it (a canvas reports its size as
    // its preferred size, so a managed one would never let the map shrink).
    canvas.setManaged(false);
    getChildren().addAll(canvas, scaleBox, coordinates, attribution);
    StackPane.setAlignment(scaleBox, Pos.BOTTOM_LEFT);
    StackPane.setAlignment(coordinates, Pos.TOP_RIGHT);
    StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
    viewport.addListener((obs, was, now) -> invalidate());
    content.addListener((obs, was, now) -> invalidate());
    wireInput();
  }

  public ObjectProperty<Viewport> viewportProperty() {
    return viewport;
  }

  public ObjectProperty<MapContent> contentProperty() {
    return content;
  }

  /** Zoom limits (the city is not interesting from space, nor below a metre a pixel). */
  public void setZoomRange(double min, double max) {
    this.minZoom = min;
    this.maxZoom = max;
  }

  /** How long the last plan took (engine work, not painting), for diagnostics. */
  public long lastPlanNanos() {
    return lastPlanNanos;
  }

  /** Shows {@code area} (Mercator metres) whole, now or as soon as the control has a size. */
  public void fit(org.locationtech.jts.geom.Envelope area, double marginPx) {
    pendingFit = area;
    pendingMargin = marginPx;
    invalidate();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 400;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 300;
  }

  @Override
  protected double computeMinWidth(double height) {
    return 100;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 100;
  }

  private void invalidate() {
    dirty = true;
    requestLayout();
  }

  private void wireInput() {
    setOnMousePressed(
        e -> {
          dragX = e.getX();
          dragY = e.getY();
          requestFocus();
        });
    setOnMouseDragged(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            viewport.set(viewport.get().panBy(e.getX() - dragX, e.getY() - dragY));
            dragX = e.getX();
            dragY = e.getY();
          }
        });
    setOnScroll(e -> zoomAround(e.getX(), e.getY(), e.getDeltaY() * WHEEL_STEP));
    setOnZoom(e -> zoomAround(e.getX(), e.getY(), Math.log(e.getZoomFactor()) / Math.log(2)));
    setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            zoomAround(e.getX(), e.getY(), 1);
          }
        });
    setOnMouseMoved(e -> showCoordinates(e.getX(), e.getY()));
    setOnKeyPressed(
        e -> {
          Viewport v = viewport.get();
          KeyCode code = e.getCode();
          if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            zoomAround(v.width() / 2, v.height() / 2, 1);
          } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomAround(v.width() / 2, v.height() / 2, -1);
          } else if (code == KeyCode.LEFT) {
            viewport.set(v.panBy(KEY_PAN, 0));
          } else if (code == KeyCode.RIGHT) {
            viewport.set(v.panBy(-KEY_PAN, 0));
          } else if (code == KeyCode.UP) {
            viewport.set(v.panBy(0, KEY_PAN));
          } else if (code == KeyCode.DOWN) {
            viewport.set(v.panBy(0, -KEY_PAN));
          } else {
            return;
          }
          e.consume();
        });
  }

  private void zoomAround(double x, double y, double levels) {
    Viewport v = viewport.get();
    double z = Math.max(minZoom, Math.min(maxZoom, v.zoom() + levels));
    viewport.set(v.zoomAround(x, y, z));
  }

  private void showCoordinates(double x, double y) {
    LonLat p = viewport.get().lonLatAt(x, y);
    coordinates.setText(String.format(Locale.ROOT, "%.5f°E  %.5f°N", p.lon(), p.lat()));
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      Viewport v = viewport.get();
      if (v.width() != w || v.height() != h) {
        viewport.set(v.resized(w, h)); // marks dirty again; drawn below
      }
      dirty = true;
    }
    if (pendingFit != null) {
      Viewport fitted = viewport.get().resized(w, h).fit(pendingFit, pendingMargin);
      pendingFit = null;
      viewport.set(fitted);
      dirty = true;
    }
    if (dirty) {
      dirty = false;
      draw();
    }
  }

  private void draw() {
    long t0 = System.nanoTime();
    RenderPlan plan = renderer.plan(content.get(), viewport.get());
    lastPlanNanos = System.nanoTime() - t0;
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setGlobalAlpha(1);
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    for (RenderPlan.LayerOps layer : plan.layers()) {
      g.setGlobalAlpha(layer.opacity());
      for (DrawOp op : layer.ops()) {
        if (op instanceof DrawOp.Path path) {
          drawPath(g, path);
        } else if (op instanceof DrawOp.Marker marker) {
          drawMarker(g, marker);
        } else if (op instanceof DrawOp.Text text) {
          drawText(g, text);
        }
      }
    }
    g.setGlobalAlpha(1);
    attribution.setText(plan.attribution());
    updateScale();
  }

  private static void drawPath(GraphicsContext g, DrawOp.Path p) {
    g.beginPath();
    double[] xy = p.xy();
    int[] starts = p.starts();
    for (int part = 0; part < starts.length; part++) {
      int from = starts[part];
      int to = part + 1 < starts.length ? starts[part + 1] : xy.length / 2;
      for (int i = from; i < to; i++) {
        if (i == from) {
          g.moveTo(xy[2 * i], xy[2 * i + 1]);
        } else {
          g.lineTo(xy[2 * i], xy[2 * i + 1]);
        }
      }
      if (p.closed()) {
        g.closePath();
      }
    }
    if (p.fill() != null) {
      g.setFillRule(FillRule.EVEN_ODD);
      g.setFill(fx(p.fill()));
      g.fill();
    }
    if (p.stroke() != null) {
      g.setStroke(fx(p.stroke()));
      g.setLineWidth(p.width());
      g.stroke();
    }
  }

  private static void drawMarker(GraphicsContext g, DrawOp.Marker m) {
    Symbolizer.Marker s = m.symbol();
    double r = s.size() / 2;
    double x = m.x();
    double y = m.y();
    g.setFill(fx(s.fill()));
    g.setStroke(s.stroke() == null ? Color.TRANSPARENT : fx(s.stroke()));
    g.setLineWidth(1);
    switch (s.shape()) {
      case CIRCLE -> {
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
      }
      case SQUARE -> {
        g.fillRect(x - r, y - r, 2 * r, 2 * r);
        g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      }
      case TRIANGLE ->
          polygon(g, new double[] {x, x + r, x - r}, new double[] {y - r, y + r, y + r});
      case DIAMOND ->
          polygon(g, new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y});
    }
  }

  private static void polygon(GraphicsContext g, double[] xs, double[] ys) {
    g.fillPolygon(xs, ys, xs.length);
    g.strokePolygon(xs, ys, xs.length);
  }

  private void drawText(GraphicsContext g, DrawOp.Text t) {
    Symbolizer.Label s = t.style();
    // The theme's font (CJK-capable, first installed of its list), as CSS resolved it on a label.
    g.setFont(Font.font(attribution.getFont().getFamily(), s.size()));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    if (s.halo() != null) {
      g.setStroke(fx(s.halo()));
      g.setLineWidth(3);
      g.strokeText(t.text(), t.x(), t.y());
    }
    g.setFill(fx(s.color()));
    g.fillText(t.text(), t.x(), t.y());
  }

  /** A scale bar of a round length near 120 px, at the view's centre latitude. */
  private void updateScale() {
    Viewport v = viewport.get();
    LonLat center = v.lonLatAt(v.width() / 2, v.height() / 2);
    double metresPerPx = v.resolution() * Math.cos(Math.toRadians(center.lat()));
    double target = metresPerPx * 120;
    double magnitude = Math.pow(10, Math.floor(Math.log10(target)));
    double nice =
        target / magnitude >= 5
            ? 5 * magnitude
            : target / magnitude >= 2 ? 2 * magnitude : magnitude;
    scaleBar.setPrefWidth(nice / metresPerPx);
    scaleBar.setMinWidth(nice / metresPerPx);
    scale.setText(nice >= 1000 ? fmt(nice / 1000) + " km" : fmt(nice) + " m");
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  static Color fx(Rgba c) {
    return Color.rgb(c.r(), c.g(), c.b(), c.a());
  }
}
