package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import com.cityops.api.WallPage;
import com.cityops.api.WallPanelView;
import com.cityops.api.WallScene;
import com.cityops.app.status.WallControl;
import com.cityops.app.status.WallStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wall's scene between the PCs that drive it ({@code wall.scene} through the backend). The
 * controller turns the tickers' pages and, after every change of what its wall shows (mode, case in
 * focus, a map's view, a page, frozen), hands the whole scene to {@code publish}; a follower shows
 * each newest scene of its controller and decides nothing itself. Both are steered by the remote
 * control ({@link WallControl}; a follower refuses and names its controller). FX thread only, but
 * {@link #status()} and the control methods may be called from any thread.
 */
public final class WallScenes implements WallControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WallScenes.class);

  public enum Role {
    CONTROLLER,
    FOLLOWER;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The ticker key in a scene's pages. */
  static final String TICKER = "ticker";

  /** How often the wall's figures for {@code /status} are refreshed when nothing changes. */
  static final javafx.util.Duration STATUS_EVERY = javafx.util.Duration.seconds(1);

  private final WallDisplay display;
  private final WallPanels panels;
  private final Role role;
  private final Consumer<WallScene> publish;
  private final Supplier<WallScenePublisher.Progress> progress;
  private final Executor fx;
  private final Clock clock;
  private final Timeline pageTurner;
  private final Timeline statusEvery =
      new Timeline(new KeyFrame(STATUS_EVERY, e -> updateStatus()));
  private final ChangeListener<Object> changed = (obs, was, now) -> changed();
  private WallScene followed;
  private Instant changedAt;
  private Instant shownAt;
  private volatile WallStatus status;

  /**
   * @param publish where a controller's scenes go (a {@link WallScenePublisher}); unused on a
   *     follower
   * @param fx the FX thread's door, for the remote control's commands
   */
  public WallScenes(
      WallDisplay display,
      WallPanels panels,
      Role role,
      Consumer<WallScene> publish,
      Supplier<WallScenePublisher.Progress> progress,
      Executor fx,
      Clock clock) {
    this.display = display;
    this.panels = panels;
    this.role = role;
    this.publish = publish;
    this.progress = progress;
    this.fx = fx;
    this.clock = clock;
    display.setFollowing(role == Role.FOLLOWER);
    pageTurner =
        new Timeline(
            new KeyFrame(
                WallWidgets.TICKER_PAGE,
                e -> panels.tickerPage().set(panels.tickerPage().get() + 1)));
    pageTurner.setCycleCount(Animation.INDEFINITE);
    if (role == Role.CONTROLLER) {
      display.onSceneChanged(this::changed);
      panels.workbench().selectedIncidentIdProperty().addListener(changed);
      panels.tickerPage().addListener(changed);
      pageTurner.play();
    }
    changedAt = clock.instant();
    updateStatus();
    statusEvery.setCycleCount(Animation.INDEFINITE);
    statusEvery.play();
  }

  public Role role() {
    return role;
  }

  /** What the wall shows now, as a scene. */
  public WallScene capture() {
    List<WallPanelView> maps = new ArrayList<>();
    display.mapPanels().forEach((key, panel) -> maps.add(panel.view(key)));
    return new WallScene(
        display.layout().id(),
        display.mode(),
        panels.workbench().selectedIncidentIdProperty().get(),
        display.frozen(),
        maps,
        List.of(new WallPage(TICKER, panels.tickerPage().get())),
        changedAt);
  }

  private void changed() {
    changedAt = clock.instant();
    shownAt = changedAt;
    WallScene scene = capture();
    publish.accept(scene);
    updateStatus();
  }

  /**
   * The feed is live (again): a controller sends its scene once more, for a backend that came back
   * without it (one that journals keeps it anyway).
   */
  public void feedLive() {
    if (role == Role.CONTROLLER) {
      publish.accept(capture());
    }
  }

  /** A follower shows the newest scene of its controller (null or the same again: nothing). */
  public void follow(WallScene scene) {
    if (role != Role.FOLLOWER || scene == null || scene.equals(followed)) {
      return;
    }
    followed = scene;
    String focus = scene.focusIncidentId();
    if (scene.mode() != display.mode()) {
      display.follow(scene.mode(), focus);
    } else if (!Objects.equals(focus, panels.workbench().selectedIncidentIdProperty().get())) {
      panels.workbench().selectedIncidentIdProperty().set(focus);
    }
    Map<String, WallMapPanel> maps = display.mapPanels();
    for (WallPanelView view : scene.maps()) {
      WallMapPanel panel = maps.get(view.panel());
      if (panel != null) {
        panel.show(view.lon(), view.lat(), view.zoom());
      }
    }
    for (WallPage page : scene.pages()) {
      if (TICKER.equals(page.panel())) {
        panels.tickerPage().set(page.page());
      }
    }
    display.setFrozen(scene.frozen());
    changedAt = scene.changedAt();
    shownAt = clock.instant();
    updateStatus();
  }

  private void updateStatus() {
    WallScenePublisher.Progress sent = progress.get();
    WallDisplay.Switched last = display.lastSwitch();
    status =
        new WallStatus(
            display.layout().id(),
            role.wireName(),
            display.steady(),
            display.mode().name().toLowerCase(Locale.ROOT),
            display.frozen(),
            panels.workbench().selectedIncidentIdProperty().get(),
            capture().maps(),
            panels.tickerPage().get(),
            last == null ? null : Math.round(last.millis() * 10) / 10.0,
            changedAt,
            shownAt,
            sent.published(),
            sent.problem());
  }

  /** For {@code /status}; any thread. */
  public WallStatus status() {
    WallStatus now = status;
    WallScenePublisher.Progress sent = progress.get();
    return new WallStatus(
        now.wall(),
        now.role(),
        now.steady(),
        now.mode(),
        now.frozen(),
        now.focusIncidentId(),
        now.maps(),
        now.tickerPage(),
        now.lastSwitchMs(),
        now.sceneChangedAt(),
        now.sceneShownAt(),
        sent.published(),
        sent.problem());
  }

  // ---- the remote control -----------------------------------------------------------------------

  @Override
  public CompletionStage<String> switchMode(Command command) {
    return onFx(
        () -> {
          OperatingMode mode = mode(command.mode());
          if (mode == null) {
            return "'mode' must be normal or emergency";
          }
          display.command(mode);
          return null;
        });
  }

  @Override
  public CompletionStage<String> setView(Command command) {
    return onFx(
        () -> {
          WallMapPanel panel = display.mapPanels().get(command.panel());
          if (panel == null) {
            return "no map panel '"
                + command.panel()
                + "' in the mode shown; there are "
                + display.mapPanels().keySet();
          }
          if (command.lon() == null
              || command.lat() == null
              || command.zoom() == null
              || !Double.isFinite(command.lon() + command.lat() + command.zoom())
              || Math.abs(command.lon()) > 180
              || Math.abs(command.lat()) > 85
              || command.zoom() < 0
              || command.zoom() > 20) {
            return "'lon' (±180), 'lat' (±85) and 'zoom' (0–20) are needed";
          }
          panel.show(command.lon(), command.lat(), command.zoom());
          return null;
        });
  }

  @Override
  public CompletionStage<String> setPage(Command command) {
    return onFx(
        () -> {
          if (!TICKER.equals(command.panel()) || command.page() == null) {
            return "'panel' must be ticker and 'page' a number";
          }
          panels.tickerPage().set(command.page());
          return null;
        });
  }

  @Override
  public CompletionStage<String> freeze(Command command) {
    return onFx(
        () -> {
          if (command.frozen() == null) {
            return "'frozen' must be true or false";
          }
          display.setFrozen(command.frozen());
          return null;
        });
  }

  private CompletionStage<String> onFx(Supplier<String> command) {
    if (role == Role.FOLLOWER) {
      return CompletableFuture.completedFuture(
          "this PC follows wall '"
              + display.layout().id()
              + "'; steer its controller (the scene comes from there)");
    }
    return CompletableFuture.supplyAsync(
        () -> {
          String refused = command.get();
          LOG.info("remote control: {}", refused == null ? "done" : "refused: " + refused);
          return refused;
        },
        fx);
  }

  private static OperatingMode mode(String name) {
    if (name == null) {
      return null;
    }
    for (OperatingMode mode : OperatingMode.values()) {
      if (mode.name().equalsIgnoreCase(name) || mode.zhName().equals(name)) {
        return mode;
      }
    }
    return null;
  }

  @Override
  public void close() {
    pageTurner.stop();
    statusEvery.stop();
    panels.workbench().selectedIncidentIdProperty().removeListener(changed);
    panels.tickerPage().removeListener(changed);
  }
}
