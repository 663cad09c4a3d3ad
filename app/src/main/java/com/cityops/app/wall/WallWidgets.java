package com.cityops.app.wall;

import com.cityops.api.Incident;
import com.cityops.api.OperatingMode;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.themes.StyleClasses;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The wall's small panels — clock, banner, ticker — and each screen's status corner. Bound to the
 * shell's view model, so they show what the workstation shows. Nothing here animates per frame: a
 * wall of 4K screens cannot be redrawn 60 times a second in software, so the ticker turns pages. FX
 * thread only.
 */
final class WallWidgets {
  static final Duration TICKER_PAGE = Duration.seconds(8);
  private static final int TICKER_ITEMS = 4;

  private WallWidgets() {}

  /** The centre's name, the mode and the clock. */
  static WallPanels.Part clock(ShellViewModel model) {
    Messages messages = model.messages();
    Label title = new Label(messages.get("centre.name"));
    title.getStyleClass().add("wall-title");
    Label mode = new Label();
    mode.getStyleClass().addAll(StyleClasses.MODE_BADGE, "wall-mode");
    mode.textProperty().bind(model.modeTextProperty());
    Runnable modeState =
        () ->
            StyleClasses.setState(
                mode,
                model.modeProperty().get() == OperatingMode.EMERGENCY
                    ? StyleClasses.EMERGENCY
                    : StyleClasses.NORMAL);
    model.modeProperty().addListener((obs, was, now) -> modeState.run());
    modeState.run();
    Label clock = new Label();
    clock.getStyleClass().add("wall-clock");
    clock.textProperty().bind(model.clockTextProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(24, title, mode, gap, clock);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().addAll(StyleClasses.PANEL, "wall-bar");
    bar.setId("wall-clock");
    return new WallPanels.Part(bar, () -> {});
  }

  /** A fixed line of text. */
  static WallPanels.Part banner(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("wall-banner-text");
    StackPane box = new StackPane(label);
    box.getStyleClass().addAll(StyleClasses.PANEL, "wall-banner");
    box.setId("wall-banner");
    return new WallPanels.Part(box, () -> {});
  }

  /**
   * The newest open cases, a few at a time; {@code page} turns them (every {@link #TICKER_PAGE} on
   * a controller, with the controller's scene on a follower), so all tickers of a wall agree.
   */
  static WallPanels.Part ticker(ShellViewModel model, ReadOnlyIntegerProperty page) {
    Messages messages = model.messages();
    Label head = new Label(messages.get("wall.ticker"));
    head.getStyleClass().add("wall-ticker-head");
    HBox items = new HBox(36);
    items.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(items, Priority.ALWAYS);
    HBox bar = new HBox(24, head, items);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().addAll(StyleClasses.PANEL, "wall-ticker");
    bar.setId("wall-ticker");
    Runnable show =
        () -> {
          List<Incident> open = model.queue();
          int pages = Math.max(1, (open.size() + TICKER_ITEMS - 1) / TICKER_ITEMS);
          int from = Math.floorMod(page.get(), pages) * TICKER_ITEMS;
          items.getChildren().clear();
          for (Incident incident :
              open.subList(
                  Math.min(from, open.size()), Math.min(from + TICKER_ITEMS, open.size()))) {
            Label item = new Label(incident.level().roman() + "  " + incident.title());
            item.getStyleClass().add("wall-ticker-item");
            // spread over the whole bar: a ticker spanning screens has items on each of them
            item.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(item, Priority.ALWAYS);
            StyleClasses.setState(item, StyleClasses.levelPseudoClass(incident.level().code()));
            items.getChildren().add(item);
          }
        };
    ListChangeListener<Incident> changed = c -> show.run();
    model.queue().addListener(changed);
    ChangeListener<Number> turned = (obs, was, now) -> show.run();
    page.addListener(turned);
    show.run();
    return new WallPanels.Part(
        bar,
        () -> {
          page.removeListener(turned);
          model.queue().removeListener(changed);
        });
  }

  /**
   * The corner of each screen that says whether what it shows is live: the feed's state and, when
   * the backend is silent, since when — a wall keeps its last picture through an outage, marked.
   */
  static Node status(ShellViewModel model) {
    Label feed = new Label();
    feed.getStyleClass().addAll(StyleClasses.STATUS_BADGE, "wall-status");
    feed.textProperty().bind(model.feedTextProperty());
    Label age = new Label();
    age.getStyleClass().addAll(StyleClasses.MUTED, "wall-status-age");
    age.textProperty().bind(model.ageTextProperty());
    com.cityops.app.shell.ShellView.bindFeedState(model, feed);
    HBox corner = new HBox(8, age, feed);
    corner.setAlignment(Pos.CENTER_RIGHT);
    corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    corner.setMouseTransparent(true);
    corner.getStyleClass().add("wall-status-corner");
    StackPane.setAlignment(corner, Pos.TOP_RIGHT);
    return corner;
  }
}
