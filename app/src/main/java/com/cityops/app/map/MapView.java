package com.cityops.app.map;

import com.cityops.map.basemap.Basemap;
import com.cityops.map.basemap.BasemapProblems;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.geo.LonLat;
import com.cityops.map.raster.MapFonts;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.Renderer;
import com.cityops.map.view.Viewport;
import com.cityops.themes.StyleClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;

/**
 * The map control. The engine plans and rasterises the layers off the FX thread, in two surfaces —
 * the steady layers (boundaries, devices, cases) and the live ones (sources that change many times
 * a second) — and this control only moves and scales the finished images while the operator pans
 * and zooms, asking for a fresh image when the view settles, runs out of drawn margin, or the
 * content changes. Input: drag (with a glide on release), wheel, pinch, double-click, +/− and arrow
 * keys; animated fly-to and fit; zoom limits and a bounding area. Shows a scale bar, the pointer's
 * coordinates and the layers' attribution. HiDPI: images are drawn at the window's output scale.
 *
 * <p>FX thread only (its render workers never touch nodes). {@link #close()} stops the workers.
 */
public final class MapView extends StackPane implements AutoCloseable {
  private static final double WHEEL_STEP = 1.0 / 240; // a notch of 40 px ≈ 1/6 zoom level
  private static final double KEY_PAN = 120;

  /** How often the live layers are drawn at most while they keep changing: ≤ 10 images/s. */
  public static final java.time.Duration LIVE_EVERY = java.time.Duration.ofMillis(100);

  private static final double LIVE_DUTY = 0.3; // …and ≤ 30 % of a core while they keep changing
  private static final Duration SETTLE = Duration.millis(120);

  private final Renderer renderer = new Renderer();
  private final Executor fx;
  private final RasterSurface base;
  private final RasterSurface live;
  private final Pane surfaces = new Pane();
  private final Pane overlay = new Pane();
  private final ObjectProperty<Viewport> viewport =
      new SimpleObjectProperty<>(Viewport.centeredOn(LonLat.of(121.47, 31.23), 10, 800, 600));
  private final ObjectProperty<MapContent> content = new SimpleObjectProperty<>(MapContent.EMPTY);
  private final ObjectProperty<LayerSettings> layerSettings =
      new SimpleObjectProperty<>(LayerSettings.NONE);
  private final ObjectProperty<Basemap> basemap = new SimpleObjectProperty<>();
  private final javafx.beans.property.ReadOnlyObjectWrapper<BasemapProblems.Status> basemapStatus =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(BasemapProblems.Status.OK);
  private final javafx.scene.control.Label coordinates = new javafx.scene.control.Label();
  private final javafx.scene.control.Label scale = new javafx.scene.control.Label();
  private final Region scaleBar = new Region();
  private final javafx.scene.control.Label attribution = new javafx.scene.control.Label();
  private final PauseTransition settle = new PauseTransition(SETTLE);
  private final MapMotion motion;
  private Envelope pendingFit;
  private double pendingMargin;
  private Envelope maxBounds;
  private double minZoom = 6;
  private double maxZoom = 19;
  private boolean settled = true;
  private long contentSerial;
  private double dragX;
  private double dragY;
  private long dragNanos;
  private double velocityX;
  private double velocityY;
  private boolean dragged;
  private boolean doubleClickZooms = true;

  /**
   * @param fx the door onto the FX thread that finished images come through (the app's pulse
   *     executor)
   * @param problems told once per rendering problem (an unreadable icon, …)
   */
  public MapView(Executor fx, Consumer<String> problems) {
    this(fx, problems, LIVE_EVERY);
  }

  /**
   * @param liveEvery the shortest time between two images of the live layers: a desk wants them
   *     quick ({@link #LIVE_EVERY}); a wall, where each image repaints a whole screen in software,
   *     can wait longer
   */
  public MapView(Executor fx, Consumer<String> problems, java.time.Duration liveEvery) {
    this.fx = fx;
    PlanRasterizer rasterizer = new PlanRasterizer(MapFonts.preferredFamily(), problems);
    base = new RasterSurface("base", renderer, rasterizer, fx, 0, 1, System::nanoTime);
    live =
        new RasterSurface(
            "live", renderer, rasterizer, fx, liveEvery.toNanos(), LIVE_DUTY, System::nanoTime);
    motion = new MapMotion(viewport::get, this::setViewport);
    getStyleClass().add("map-view");
    // No clip node: the images show only their part inside the view (a clip costs the software
    // pipeline a mask pass per frame), and the feedback shapes are laid out inside it.
    setFocusTraversable(true);
    coordinates.getStyleClass().addAll("map-overlay", StyleClasses.MUTED);
    attribution.getStyleClass().addAll("map-overlay", "map-attribution");
    // Credits can be long (a basemap of several sources): clipped clear of the scale bar, whole
    // in the tooltip.
    attribution.maxWidthProperty().bind(widthProperty().subtract(180));
    attribution.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
    javafx.scene.control.Tooltip credits = new javafx.scene.control.Tooltip();
    credits.textProperty().bind(attribution.textProperty());
    attribution.setTooltip(credits);
    scale.getStyleClass().addAll("map-overlay");
    scaleBar.getStyleClass().add("map-scale-bar");
    VBox scaleBox = new VBox(2, scale, scaleBar);
    scaleBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    scaleBox.setMouseTransparent(true);
    surfaces.getChildren().addAll(base.view, live.view);
    surfaces.setMouseTransparent(true);
    overlay.setPickOnBounds(false);
    // Feedback shapes (a hovered district at street zoom, a pulse ring at the edge) reach far
    // beyond the view: keep them on the map, not over the panels around it.
    javafx.scene.shape.Rectangle overlayClip = new javafx.scene.shape.Rectangle();
    overlayClip.widthProperty().bind(overlay.widthProperty());
    overlayClip.heightProperty().bind(overlay.heightProperty());
    overlay.setClip(overlayClip);
    // The panes follow the control's size; they must not drive it.
    surfaces.setManaged(false);
    overlay.setManaged(false);
    getChildren().addAll(surfaces, overlay, scaleBox, coordinates, attribution);
    StackPane.setAlignment(scaleBox, Pos.BOTTOM_LEFT);
    StackPane.setAlignment(coordinates, Pos.TOP_RIGHT);
    StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
    settle.setOnFinished(
        e -> {
          settled = true;
          requestLayout();
        });
    viewport.addListener(
        (obs, was, now) -> {
          if (!internalChange && !inLayout) {
            motion.stop(); // someone else (the app, a test) put the view elsewhere
          }
          settled = false;
          settle.playFromStart();
          requestLayout();
        });
    javafx.beans.InvalidationListener contentChanged =
        obs -> {
          contentSerial++;
          requestLayout();
        };
    content.addListener(contentChanged);
    layerSettings.addListener(contentChanged);
    basemap.addListener(
        (obs, was, now) -> {
          if (was != null) {
            was.onChange(null);
          }
          if (now != null) {
            // Told on a basemap thread when a tile is ready: look again on the FX thread.
            now.onChange(() -> fx.execute(this::basemapChanged));
          }
          basemapChanged();
          contentChanged.invalidated(obs);
        });
    wireInput();
  }

  public ObjectProperty<Viewport> viewportProperty() {
    return viewport;
  }

  public ObjectProperty<MapContent> contentProperty() {
    return content;
  }

  /** The operator's visibility, opacity and order choices, laid over the content. */
  public ObjectProperty<LayerSettings> layerSettingsProperty() {
    return layerSettings;
  }

  /** The content as drawn: the app's layers with the operator's layer settings applied. */
  public MapContent shownContent() {
    return layerSettings.get().applyTo(content.get());
  }

  /**
   * A live source changed (call on the FX thread, e.g. from the app's data door): the live layers
   * are drawn again, at most once per the interval given at construction.
   */
  public void liveLayersChanged() {
    requestLayout();
  }

  /**
   * The basemap under the layers (a MapLibre style over its tiles), or null for the theme's plain
   * background. The control does not close it: its owner does.
   */
  public ObjectProperty<Basemap> basemapProperty() {
    return basemap;
  }

  /** The basemap's problems so far (broken tiles, style features not drawn), for a quiet note. */
  public javafx.beans.property.ReadOnlyObjectProperty<BasemapProblems.Status>
      basemapStatusProperty() {
    return basemapStatus.getReadOnlyProperty();
  }

  /**
   * The basemap could not be opened at all (its style is not valid, say): the map shows the theme's
   * background and the same quiet note says why.
   */
  public void basemapFailed(String reason) {
    basemap.set(null);
    basemapStatus.set(new BasemapProblems.Status(1, reason));
  }

  private void basemapChanged() {
    Basemap b = basemap.get();
    basemapStatus.set(b == null ? BasemapProblems.Status.OK : b.problems().status());
    requestLayout();
  }

  /** The layer for interaction feedback (selection, measurement, callouts), above the map. */
  Pane overlay() {
    return overlay;
  }

  /** Whether a double-click zooms in (off while a tool uses double-clicks, e.g. measuring). */
  public void setDoubleClickZoom(boolean value) {
    this.doubleClickZooms = value;
  }

  /** Zoom limits (the city is not interesting from space, nor below a metre a pixel). */
  public void setZoomRange(double min, double max) {
    this.minZoom = min;
    this.maxZoom = max;
  }

  /** Keeps the view's centre inside {@code area} (Mercator metres), or anywhere when null. */
  public void setMaxBounds(Envelope area) {
    this.maxBounds = area == null ? null : new Envelope(area);
    setViewport(viewport.get());
  }

  /** How long the last steady-layer image took to plan and paint (off the FX thread). */
  public long lastRenderNanos() {
    return base.lastRenderNanos();
  }

  /** Images finished so far (both surfaces): tests wait on it. */
  public long rendersCompleted() {
    return base.renders() + live.renders();
  }

  /**
   * True when no image is being drawn, the steady image shows the current view and content, and the
   * live image (if any) the current view.
   */
  public boolean isSettled() {
    RasterSurface.Frame f = base.front();
    RasterSurface.Frame moving = live.front();
    boolean hasLive = content.get().layers().stream().anyMatch(l -> l.source().live());
    return !base.busy()
        && !live.busy()
        && f != null
        && f.complete()
        && f.contentStamp() == stamp(false)
        && sameView(f.viewport(), viewport.get())
        // Live layers change all the time: drawn for this view is enough, not for this version.
        && (!hasLive || (moving != null && sameView(moving.viewport(), viewport.get())));
  }

  /**
   * True when the steady image shows the current view and content, basemap tiles possibly still
   * coming in (stand-ins where they are not ready): there is a picture, not a blank.
   */
  public boolean hasPicture() {
    RasterSurface.Frame f = base.front();
    return f != null && f.contentStamp() == stamp(false) && sameView(f.viewport(), viewport.get());
  }

  /** Shows {@code area} (Mercator metres) whole, now or as soon as the control has a size. */
  public void fit(Envelope area, double marginPx) {
    pendingFit = area;
    pendingMargin = marginPx;
    requestLayout();
  }

  /** Flies to {@code target}'s centre and zoom (its size is ignored) in {@code seconds}. */
  public void flyTo(Viewport target, double seconds) {
    motion.flyTo(clamp(target), seconds);
  }

  /** Flies so that {@code area} is shown whole. */
  public void flyToFit(Envelope area, double marginPx, double seconds) {
    flyTo(viewport.get().fit(area, marginPx), seconds);
  }

  /**
   * Writes what the map shows as a PNG of {@code width × height} logical pixels at {@code scale}
   * (the same area, fitted to the new shape), drawn off the FX thread; completes with the file, on
   * the FX thread.
   */
  public java.util.concurrent.CompletableFuture<java.nio.file.Path> exportPng(
      java.nio.file.Path file, double width, double height, double scale) {
    MapContent shown = shownContent();
    Viewport v = viewport.get();
    Viewport target = v.resized(width, height).fit(v.bounds(), 0);
    com.cityops.map.style.Rgba background = backgroundColour();
    Basemap under = basemap.get();
    return base.submit(
            () -> {
              com.cityops.map.raster.MapImages.writePng(
                  com.cityops.map.raster.MapImages.render(shown, target, scale, background, under),
                  file);
              return file;
            })
        .whenCompleteAsync((file1, failure) -> {}, fx);
  }

  /** The theme's map background (CSS), for exports that have no control behind them. */
  private com.cityops.map.style.Rgba backgroundColour() {
    // Remembered: once the map is drawn, the control's own fill is transparent (see base.css).
    if (getBackground() != null
        && !getBackground().getFills().isEmpty()
        && getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color c
        && c.getOpacity() == 1) {
      canvasColour =
          new com.cityops.map.style.Rgba(
              (int) Math.round(c.getRed() * 255),
              (int) Math.round(c.getGreen() * 255),
              (int) Math.round(c.getBlue() * 255),
              1);
    }
    return canvasColour;
  }

  private com.cityops.map.style.Rgba canvasColour = com.cityops.map.style.Rgba.hex("#0b1220");

  @Override
  public void close() {
    motion.stop();
    base.close();
    live.close();
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

  private void setViewport(Viewport v) {
    internalChange = true;
    try {
      viewport.set(clamp(v));
    } finally {
      internalChange = false;
    }
  }

  /** True while the control itself moves the view; a move from outside cancels its animations. */
  private boolean internalChange;

  private Viewport clamp(Viewport v) {
    double z = Math.max(minZoom, Math.min(maxZoom, v.zoom()));
    double x = v.centerX();
    double y = v.centerY();
    if (maxBounds != null) {
      x = Math.max(maxBounds.getMinX(), Math.min(maxBounds.getMaxX(), x));
      y = Math.max(maxBounds.getMinY(), Math.min(maxBounds.getMaxY(), y));
    }
    return x == v.centerX() && y == v.centerY() && z == v.zoom()
        ? v
        : new Viewport(x, y, z, v.width(), v.height());
  }

  private void wireInput() {
    setOnMousePressed(
        e -> {
          motion.stop();
          dragX = e.getX();
          dragY = e.getY();
          dragNanos = System.nanoTime();
          velocityX = 0;
          velocityY = 0;
          dragged = false;
          requestFocus();
        });
    setOnMouseDragged(
        e -> {
          if (e.getButton() != MouseButton.PRIMARY || e.isShiftDown()) {
            return;
          }
          long now = System.nanoTime();
          double dx = e.getX() - dragX;
          double dy = e.getY() - dragY;
          double dt = Math.max(1e-3, (now - dragNanos) / 1e9);
          // Smoothed, so one jittery event does not decide the glide.
          velocityX = 0.6 * dx / dt + 0.4 * velocityX;
          velocityY = 0.6 * dy / dt + 0.4 * velocityY;
          setViewport(viewport.get().panBy(dx, dy));
          dragX = e.getX();
          dragY = e.getY();
          dragNanos = now;
          dragged = true;
        });
    setOnMouseReleased(
        e -> {
          boolean recent = System.nanoTime() - dragNanos < 60_000_000;
          if (dragged && recent && e.getButton() == MouseButton.PRIMARY) {
            motion.glide(velocityX, velocityY);
          }
        });
    setOnScroll(
        e -> {
          motion.stop();
          zoomAround(e.getX(), e.getY(), e.getDeltaY() * WHEEL_STEP);
        });
    setOnZoom(e -> zoomAround(e.getX(), e.getY(), Math.log(e.getZoomFactor()) / Math.log(2)));
    setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY
              && e.getClickCount() == 2
              && !dragged
              && doubleClickZooms) {
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
            setViewport(v.panBy(KEY_PAN, 0));
          } else if (code == KeyCode.RIGHT) {
            setViewport(v.panBy(-KEY_PAN, 0));
          } else if (code == KeyCode.UP) {
            setViewport(v.panBy(0, KEY_PAN));
          } else if (code == KeyCode.DOWN) {
            setViewport(v.panBy(0, -KEY_PAN));
          } else {
            return;
          }
          e.consume();
        });
  }

  private void zoomAround(double x, double y, double levels) {
    Viewport v = viewport.get();
    double z = Math.max(minZoom, Math.min(maxZoom, v.zoom() + levels));
    setViewport(v.zoomAround(x, y, z));
  }

  private void showCoordinates(double x, double y) {
    LonLat p = viewport.get().lonLatAt(x, y);
    coordinates.setText(String.format(Locale.ROOT, "%.5f°E  %.5f°N", p.lon(), p.lat()));
  }

  private boolean inLayout;

  @Override
  protected void layoutChildren() {
    inLayout = true;
    try {
      layOut();
    } finally {
      inLayout = false;
    }
  }

  private void layOut() {
    super.layoutChildren();
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    surfaces.resize(w, h);
    overlay.resize(w, h);
    Viewport v = viewport.get();
    if (v.width() != w || v.height() != h) {
      v = v.resized(w, h);
      viewport.set(v);
    }
    if (pendingFit != null) {
      v = clamp(v.fit(pendingFit, pendingMargin));
      pendingFit = null;
      viewport.set(v);
    }
    refresh(v);
  }

  /** Asks for new images where needed and lines the current ones up with the view. */
  private void refresh(Viewport v) {
    double pixelScale = outputScale();
    RasterSurface.Frame steady = base.front();
    boolean steadyStale =
        steady == null
            || steady.contentStamp() != stamp(false)
            || steady.scale != pixelScale
            || !steady.covers(v)
            || (settled && !sameView(steady.viewport(), v))
            // drawn while moving with stand-ins that nobody asked to replace
            || (settled && !steady.complete() && !steadyAskedExact);
    if (steadyStale && base.canStart()) {
      steadyAskedExact = settled;
      // The steady image is opaque (the theme's map background under the layers): the software
      // pipeline then has one picture less to blend each frame than with the control's own fill.
      base.render(
          group(false),
          stamp(false),
          v,
          pixelScale,
          backgroundColour(),
          underlay(),
          this::afterRender);
    }
    RasterSurface.Frame moving = live.front();
    boolean hasLive = content.get().layers().stream().anyMatch(l -> l.source().live());
    boolean liveStale =
        hasLive
            && (moving == null
                || moving.contentStamp() != stamp(true)
                || moving.scale != pixelScale
                || !moving.covers(v)
                || (settled && !sameView(moving.viewport(), v)));
    if (liveStale && live.canStart()) {
      live.render(group(true), stamp(true), v, pixelScale, null, null, this::afterRender);
    } else if (liveStale && !live.busy()) {
      // Too soon after the last live image: look again shortly (a finished render looks anyway).
      requestLayoutLater();
    }
    base.place(v);
    if (hasLive) {
      live.place(v);
    } else {
      live.view.setVisible(false);
    }
    updateScale(v);
  }

  private boolean steadyAskedExact;

  /** The basemap under the steady layers; while the view moves, tiles of any size will do. */
  private RasterSurface.Underlay underlay() {
    Basemap b = basemap.get();
    if (b == null) {
      return null;
    }
    Basemap.Mode mode = settled ? Basemap.Mode.SETTLED : Basemap.Mode.MOVING;
    return (image, area, s) -> b.paint(image, area, s, mode).complete();
  }

  private static final javafx.css.PseudoClass DRAWN =
      javafx.css.PseudoClass.getPseudoClass("drawn");

  private void afterRender() {
    pseudoClassStateChanged(DRAWN, base.front() != null);
    List<String> parts = new ArrayList<>();
    if (basemap.get() != null && !basemap.get().attribution().isBlank()) {
      parts.add(basemap.get().attribution());
    }
    for (RasterSurface s : List.of(base, live)) {
      if (s.front() != null && !s.front().attribution().isBlank()) {
        parts.add(s.front().attribution());
      }
    }
    attribution.setText(String.join(" · ", parts));
    requestLayout(); // checks whether the view moved on while the image was drawn
  }

  private final PauseTransition liveRetry = new PauseTransition(Duration.millis(20));

  private void requestLayoutLater() {
    if (liveRetry.getOnFinished() == null) {
      liveRetry.setOnFinished(e -> requestLayout());
    }
    if (liveRetry.getStatus() != javafx.animation.Animation.Status.RUNNING) {
      liveRetry.playFromStart();
    }
  }

  private MapContent group(boolean liveLayers) {
    List<FeatureLayer> layers = new ArrayList<>();
    for (FeatureLayer l : shownContent().layers()) {
      if (l.source().live() == liveLayers) {
        layers.add(l);
      }
    }
    return new MapContent(layers);
  }

  /** Changes whenever the content of a group changes: a new content, or a source's new version. */
  private long stamp(boolean liveLayers) {
    long versions = 0;
    for (FeatureLayer l : content.get().layers()) {
      if (l.source().live() == liveLayers) {
        versions = versions * 31 + l.source().version();
      }
    }
    if (!liveLayers && basemap.get() != null) {
      versions = versions * 31 + basemap.get().version();
    }
    return contentSerial * 1_000_003L + versions;
  }

  private static boolean sameView(Viewport a, Viewport b) {
    return Math.abs(a.centerX() - b.centerX()) < 1e-6
        && Math.abs(a.centerY() - b.centerY()) < 1e-6
        && Math.abs(a.zoom() - b.zoom()) < 1e-9;
  }

  private double outputScale() {
    var scene = getScene();
    if (scene == null || scene.getWindow() == null) {
      return 1;
    }
    return Math.max(1, scene.getWindow().getOutputScaleX());
  }

  /** A scale bar of a round length near 120 px, at the view's centre latitude. */
  private void updateScale(Viewport v) {
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
}
