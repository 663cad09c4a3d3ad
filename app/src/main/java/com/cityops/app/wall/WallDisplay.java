package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import com.cityops.app.map.MapView;
import com.cityops.app.state.CitySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's picture: one root per screen of the layout, showing the panels of the current mode,
 * with the feed's state in a corner and the watermark over all. 平急转换 goes through here: the next
 * mode's panels are built under the current ones and shown once their maps are drawn (at most
 * {@link #SWAP_AFTER}), so a screen is never blank, not even for a frame. FX thread only.
 */
public final class WallDisplay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WallDisplay.class);

  /** The longest a switch waits for the next mode's maps before showing it anyway. */
  static final Duration SWAP_AFTER = Duration.millis(1500);

  static final Duration WARM_UP = Duration.seconds(4);

  /** A finished switch: what, why, and how long from the cause to the picture (nanoseconds). */
  public record Switched(WallModeController.Switch change, long causeNanos, long shownNanos) {
    public double millis() {
      return (shownNanos - causeNanos) / 1e6;
    }
  }

  /** The panels of one mode on every screen. */
  private static final class ModeScene {
    final OperatingMode mode;
    final Map<Integer, WallMapPanel> maps = new HashMap<>();
    final Map<String, WallScreenView> screens = new LinkedHashMap<>();

    ModeScene(OperatingMode mode) {
      this.mode = mode;
    }

    /** Every map on a showing window is drawn (a screen waiting for its display has none). */
    boolean drawn() {
      return screens.values().stream()
          .flatMap(s -> s.maps().stream())
          .allMatch(m -> m.isSettled() || !onShowingWindow(m));
    }

    /** Every map on a showing window has a picture of its view (tiles may still come in). */
    boolean pictured() {
      return screens.values().stream()
          .flatMap(s -> s.maps().stream())
          .allMatch(m -> m.hasPicture() || !onShowingWindow(m));
    }

    private static boolean onShowingWindow(MapView map) {
      return map.getScene() != null
          && map.getScene().getWindow() != null
          && map.getScene().getWindow().isShowing();
    }

    void close() {
      screens.values().forEach(WallScreenView::close);
      maps.values().forEach(WallMapPanel::close);
    }
  }

  private final WallLayout layout;
  private final WallGeometry geometry;
  private final WallPanels panels;
  private final LongSupplier nanoClock;
  private final WallModeController modes = new WallModeController();
  private final List<WallLayout.Screen> screens;
  private final List<Runnable> sceneChanged = new ArrayList<>();
  private final WallFreeze freeze;
  private boolean following;
  private boolean warmedUp;
  private final Map<String, StackPane> content = new LinkedHashMap<>();
  private final Map<String, Parent> roots = new LinkedHashMap<>();
  private final List<Consumer<Switched>> switched = new ArrayList<>();
  private volatile ModeScene shown;
  private volatile ModeScene coming;

  private Timeline waiting;
  private volatile Switched last;
  private java.util.List<com.cityops.api.Incident> newestOpen = List.of();

  /**
   * @param dress puts what every window of the app wears over a screen's content (the watermark)
   */
  public WallDisplay(
      WallLayout layout,
      WallPanels panels,
      Function<Parent, Parent> dress,
      LongSupplier nanoClock) {
    this(layout, java.util.Set.of(), panels, dress, nanoClock);
  }

  /**
   * @param driven the screens this PC drives, by id (a wall of several PCs); empty: all of them
   */
  public WallDisplay(
      WallLayout layout,
      java.util.Set<String> driven,
      WallPanels panels,
      Function<Parent, Parent> dress,
      LongSupplier nanoClock) {
    this.layout = layout;
    this.screens =
        layout.screens().stream().filter(s -> driven.isEmpty() || driven.contains(s.id())).toList();
    if (screens.isEmpty()) {
      throw new WallLayoutException(
          "none of the screens " + driven + " is in the wall layout '" + layout.name() + "'");
    }
    this.geometry = new WallGeometry(layout);
    this.panels = panels;
    this.nanoClock = nanoClock;
    for (WallLayout.Screen screen : screens) {
      StackPane pane = new StackPane();
      pane.getStyleClass().add("wall-root");
      StackPane withCorner = new StackPane(pane, WallWidgets.status(panels.model()));
      content.put(screen.id(), pane);
      roots.put(screen.id(), dress.apply(withCorner));
    }
    freeze = new WallFreeze(content, panels.model().messages());
    shown = build(OperatingMode.NORMAL);
    for (WallLayout.Screen screen : screens) {
      content.get(screen.id()).getChildren().setAll(shown.screens.get(screen.id()).node());
    }
    warmUp();
  }

  /**
   * Builds the other mode once at start, under the picture and invisible, for a few seconds, then
   * lets it go: its classes are loaded, its styles worked out and its code compiled before the
   * first real switch — which, on a wall, comes days later and must take under 2 s.
   */
  private void warmUp() {
    OperatingMode other = OperatingMode.EMERGENCY;
    ModeScene trial = build(other);
    for (WallLayout.Screen screen : screens) {
      Node node = trial.screens.get(screen.id()).node();
      node.setVisible(false);
      content.get(screen.id()).getChildren().add(0, node);
    }
    javafx.animation.PauseTransition done = new javafx.animation.PauseTransition(WARM_UP);
    done.setOnFinished(
        e -> {
          for (WallLayout.Screen screen : screens) {
            content.get(screen.id()).getChildren().remove(trial.screens.get(screen.id()).node());
          }
          trial.close();
          warmedUp = true;
        });
    done.play();
  }

  public WallLayout layout() {
    return layout;
  }

  /** The screens this PC drives. */
  public List<WallLayout.Screen> screens() {
    return screens;
  }

  /**
   * A follower PC of a multi-PC wall: its mode comes from the controller's scene ({@link #follow}),
   * not from what it sees.
   */
  public void setFollowing(boolean following) {
    this.following = following;
  }

  public boolean following() {
    return following;
  }

  /** Runs after anything another PC of the wall would have to show too changed. */
  public void onSceneChanged(Runnable listener) {
    sceneChanged.add(listener);
  }

  private void sceneChanged() {
    sceneChanged.forEach(Runnable::run);
  }

  /** A follower takes the controller's mode and case in focus. */
  public void follow(OperatingMode mode, String caseId) {
    long cause = nanoClock.getAsLong();
    WallModeController.Switch change = modes.follow(mode, caseId);
    if (change != null) {
      switchTo(change, cause);
    }
  }

  /** The map panels of the mode shown or coming, by key ({@code normal/0}: mode and index). */
  Map<String, WallMapPanel> mapPanels() {
    ModeScene target = coming != null ? coming : shown;
    Map<String, WallMapPanel> byKey = new LinkedHashMap<>();
    target.maps.forEach((index, panel) -> byKey.put(key(target.mode, index), panel));
    return byKey;
  }

  static String key(OperatingMode mode, int index) {
    return mode.name().toLowerCase(java.util.Locale.ROOT) + "/" + index;
  }

  /** Holds the picture (a briefing) or lets it go. */
  public void setFrozen(boolean frozen) {
    if (freeze.set(frozen, screens)) {
      LOG.info("wall: picture {}", frozen ? "held" : "live again");
      sceneChanged();
    }
  }

  public boolean frozen() {
    return freeze.frozen();
  }

  /** The root of one screen's window (or snapshot), by screen id. */
  public Parent screenRoot(String screenId) {
    return roots.get(screenId);
  }

  public OperatingMode mode() {
    return coming != null ? coming.mode : shown.mode;
  }

  /** The last finished switch, or null. */
  public Switched lastSwitch() {
    return last;
  }

  public void onSwitched(Consumer<Switched> listener) {
    switched.add(listener);
  }

  /** Every map of the mode shown is drawn, and no switch is under way. */
  public boolean settled() {
    return coming == null && shown.drawn();
  }

  /** Settled, and the start-up's trial build of the other mode is over. */
  public boolean steady() {
    return warmedUp && settled();
  }

  /** Each summary the wall shows: a new major case or the backend's emergency switches it. */
  public void apply(CitySummary summary) {
    newestOpen = summary.newestOpen();
    if (following) {
      return; // the controller decides
    }
    long cause = nanoClock.getAsLong();
    WallModeController.Switch change = modes.observe(summary.newestOpen(), summary.mode());
    if (change != null) {
      switchTo(change, cause);
    }
  }

  /**
   * An operator's or the remote control's command. Into 战时 with no case in focus, the most serious
   * open case takes the focus (the queue's first): an emergency layout is about a case.
   */
  public void command(OperatingMode mode) {
    long cause = nanoClock.getAsLong();
    WallModeController.Switch change = modes.command(mode);
    if (change != null
        && mode == OperatingMode.EMERGENCY
        && panels.workbench().selectedIncidentIdProperty().get() == null
        && !newestOpen.isEmpty()) {
      change = new WallModeController.Switch(mode, change.reason(), newestOpen.get(0).id());
    }
    if (change != null) {
      switchTo(change, cause);
    }
  }

  private void switchTo(WallModeController.Switch change, long causeNanos) {
    LOG.info(
        "wall: {} → {} ({}{})",
        mode(),
        change.mode(),
        change.reason(),
        change.caseId() == null ? "" : ", case " + change.caseId());
    if (change.caseId() != null) {
      panels.workbench().selectedIncidentIdProperty().set(change.caseId());
    }
    if (change.mode() == mode() && coming == null) {
      finish(change, causeNanos); // the focus moved; the panels stay
      return;
    }
    if (coming != null) { // a switch while one is under way: drop the one not shown yet
      dropComing();
    }
    // Built when needed, not kept ready: a hidden queue and vital-signs panel would cost the wall
    // PC their work all the time.
    long building = nanoClock.getAsLong();
    coming = build(change.mode());
    LOG.info(
        "wall: {} built in {} ms",
        change.mode(),
        Math.round((nanoClock.getAsLong() - building) / 1e6));
    sceneChanged();
    for (WallLayout.Screen screen : screens) {
      // under the current picture: it stays until the next one is drawn
      content.get(screen.id()).getChildren().add(0, coming.screens.get(screen.id()).node());
    }
    long deadline = nanoClock.getAsLong() + (long) (SWAP_AFTER.toMillis() * 1e6);
    waiting =
        new Timeline(
            new KeyFrame(
                Duration.millis(40),
                e -> {
                  if (coming.pictured() || nanoClock.getAsLong() >= deadline) {
                    swap(change, causeNanos);
                  }
                }));
    waiting.setCycleCount(Timeline.INDEFINITE);
    waiting.play();
  }

  private void swap(WallModeController.Switch change, long causeNanos) {
    waiting.stop();
    LOG.info(
        "wall: {} {} after {} ms",
        change.mode(),
        coming.drawn() ? "drawn" : coming.pictured() ? "pictured" : "not drawn yet, shown anyway",
        Math.round((nanoClock.getAsLong() - causeNanos) / 1e6));
    ModeScene old = shown;
    shown = coming;
    coming = null;
    for (WallLayout.Screen screen : screens) {
      // remove the old, not setAll: the new must never leave the scene (panels close when they do)
      content.get(screen.id()).getChildren().remove(old.screens.get(screen.id()).node());
    }
    old.close();
    finish(change, causeNanos);
  }

  private void finish(WallModeController.Switch change, long causeNanos) {
    last = new Switched(change, causeNanos, nanoClock.getAsLong());
    LOG.info("wall: {} shown {} ms after its cause", change.mode(), Math.round(last.millis()));
    switched.forEach(l -> l.accept(last));
    sceneChanged();
  }

  private void dropComing() {
    waiting.stop();
    for (WallLayout.Screen screen : screens) {
      content.get(screen.id()).getChildren().remove(coming.screens.get(screen.id()).node());
    }
    coming.close();
    coming = null;
  }

  private ModeScene build(OperatingMode mode) {
    ModeScene scene = new ModeScene(mode);
    List<WallLayout.Panel> list = layout.panels(mode);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).kind() == PanelKind.MAP) {
        WallGeometry.Rect rect = geometry.panel(list.get(i));
        WallMapPanel map = new WallMapPanel(list.get(i), rect, panels);
        map.viewportProperty().addListener((obs, was, now) -> sceneChanged());
        scene.maps.put(i, map);
      }
    }
    for (WallLayout.Screen screen : screens) {
      scene.screens.put(
          screen.id(), new WallScreenView(screen, mode, geometry, panels, scene.maps));
    }
    return scene;
  }

  @Override
  public void close() {
    if (coming != null) {
      dropComing();
    }
    shown.close();
  }
}
