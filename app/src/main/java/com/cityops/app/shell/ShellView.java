package com.cityops.app.shell;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import com.cityops.app.detail.IncidentDetailView;
import com.cityops.app.i18n.Messages;
import com.cityops.app.indicators.IndicatorPanel;
import com.cityops.app.queue.IncidentQueue;
import com.cityops.themes.StyleClasses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The workstation shell: top bar (centre, mode, feed state and data age, clock, user), vital signs
 * on the left, case overview in the middle, the newest open cases on the right, the backend line at
 * the bottom. Builds nodes and binds them to a {@link ShellViewModel}; holds no data of its own.
 *
 * <p>FX thread only.
 */
public final class ShellView {
  private final ShellViewModel model;
  private final Messages messages;
  private final Supplier<Instant> clock;

  private final Node map;
  private final Workbench workbench;
  private Path queueSettings;

  /**
   * @param map the city map, shown under the case overview (the app's {@code MapView})
   */
  public ShellView(ShellViewModel model, Workbench workbench, Supplier<Instant> clock, Node map) {
    this.map = map;
    this.workbench = workbench;
    this.model = model;
    this.messages = model.messages();
    this.clock = clock;
  }

  /**
   * Keeps the queue's per-user settings (announcement tones) in this folder, the app's data folder;
   * without it they last for the session.
   */
  public ShellView queueSettingsIn(Path folder) {
    this.queueSettings = folder;
    return this;
  }

  public Parent build() {
    BorderPane root = new BorderPane();
    root.getStyleClass().add(StyleClasses.SHELL);
    IncidentQueue queue = new IncidentQueue(workbench, queueSettings);
    root.setTop(new VBox(topBar(), queue.banner()));
    root.setLeft(indicatorPanel());
    root.setCenter(overview());
    root.setRight(IncidentDetailView.belowQueue(queuePanel(queue), workbench));
    root.setBottom(statusLine());
    startClock();
    return root;
  }

  private void startClock() {
    model.tick(clock.get());
    Timeline everySecond =
        new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(clock.get())));
    everySecond.setCycleCount(Timeline.INDEFINITE);
    everySecond.play();
  }

  private Node topBar() {
    Label title =
        styled(
            new Label(messages.get("centre.name") + " · " + messages.get("app.title")),
            StyleClasses.TOP_BAR_TITLE);
    Label mode = styled(new Label(), StyleClasses.MODE_BADGE);
    mode.textProperty().bind(model.modeTextProperty());
    model
        .modeProperty()
        .addListener(
            (obs, old, now) ->
                StyleClasses.setState(
                    mode,
                    now == OperatingMode.EMERGENCY ? StyleClasses.EMERGENCY : StyleClasses.NORMAL));
    StyleClasses.setState(mode, StyleClasses.NORMAL);

    Label feed = styled(new Label(), StyleClasses.STATUS_BADGE);
    feed.setId("feed-badge");
    feed.textProperty().bind(model.feedTextProperty());
    Runnable badgeState =
        () ->
            StyleClasses.setState(
                feed,
                model.staleProperty().get()
                    ? StyleClasses.STALE
                    : StyleClasses.feedPseudoClass(model.feedStateProperty().get().name()));
    model.feedStateProperty().addListener((obs, old, now) -> badgeState.run());
    model.staleProperty().addListener((obs, old, now) -> badgeState.run());
    badgeState.run();
    Label age = styled(new Label(), StyleClasses.MUTED);
    age.setId("data-age");
    age.textProperty().bind(model.ageTextProperty());
    Label clockLabel = styled(new Label(), StyleClasses.CLOCK);
    clockLabel.textProperty().bind(model.clockTextProperty());
    Label user = styled(new Label(model.userText()), StyleClasses.MUTED);

    Label canary = styled(new Label(), StyleClasses.STATUS_BADGE);
    canary.setId("canary-alarm");
    canary.textProperty().bind(model.canaryTextProperty());
    canary.visibleProperty().bind(model.canaryTextProperty().isNotEmpty());
    canary.managedProperty().bind(canary.visibleProperty());
    StyleClasses.setState(canary, StyleClasses.ALARM);
    HBox bar = new HBox(16, title, spacer(), canary, mode, feed, age, clockLabel, user);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(StyleClasses.TOP_BAR);
    return bar;
  }

  private Node indicatorPanel() {
    return new IndicatorPanel(workbench, workbench.dataDir()).node();
  }

  private Node overview() {
    HBox levels = new HBox(12);
    for (IncidentLevel level : IncidentLevel.values()) {
      levels
          .getChildren()
          .add(
              metric(
                  level.roman() + " " + level.zhName(),
                  model.openProperty(level).asString(),
                  StyleClasses.levelPseudoClass(level.code())));
    }
    levels
        .getChildren()
        .addAll(
            metric(messages.get("incidents.open"), model.openProperty().asString(), null),
            metric(
                messages.get("incidents.overdue"),
                model.overdueProperty().asString(),
                StyleClasses.ALARM));
    HBox pipeline = new HBox(6);
    pipeline.setAlignment(Pos.CENTER_LEFT);
    for (IncidentStatus status : IncidentStatus.values()) {
      if (status.ordinal() > 0) {
        Label arrow = styled(new Label("→"), StyleClasses.MUTED);
        arrow.setMinWidth(Region.USE_PREF_SIZE);
        pipeline.getChildren().add(arrow);
      }
      pipeline
          .getChildren()
          .add(metric(status.zhName(), model.statusCountProperty(status).asString(), null));
    }
    VBox cases = panel(messages.get("panel.incidents"), levels, pipeline);

    Label devicesTotal = styled(new Label(), StyleClasses.METRIC_LABEL);
    devicesTotal.textProperty().bind(model.devicesTextProperty());
    HBox health =
        new HBox(
            12,
            metric(
                messages.get("devices.offline"),
                model.devicesOfflineProperty().asString(),
                StyleClasses.OFFLINE),
            metric(
                messages.get("devices.fault"),
                model.devicesFaultProperty().asString(),
                StyleClasses.WARNING),
            metric(
                messages.get("devices.alarm"),
                model.devicesAlarmProperty().asString(),
                StyleClasses.ALARM));
    VBox devices = panel(messages.get("panel.devices"), devicesTotal, health);

    Label alert = styled(new Label(), StyleClasses.ALERT_LINE);
    alert.setWrapText(true);
    alert.textProperty().bind(model.alertTextProperty());

    HBox top = new HBox(12, cases, devices);
    HBox.setHgrow(cases, Priority.ALWAYS);
    // Let the map column shrink on narrow screens instead of pushing the queue off the window.
    top.setMinWidth(0);
    cases.setMinWidth(0);
    devices.setMinWidth(0);
    VBox mapPanel = panel(messages.get("panel.map"), map);
    VBox.setVgrow(map, Priority.ALWAYS);
    VBox.setVgrow(mapPanel, Priority.ALWAYS);
    VBox center = new VBox(12, top, alert, mapPanel);
    center.setMinWidth(0);
    center.setPadding(new Insets(0, 12, 0, 12));
    return center;
  }

  private Node queuePanel(IncidentQueue queue) {
    Region panel = (Region) queue.panel();
    panel.setPrefWidth(600);
    panel.setMinWidth(460);
    return panel;
  }

  private Node statusLine() {
    Label server = styled(new Label(), StyleClasses.MUTED);
    server.textProperty().bind(model.serverTextProperty());
    Label actions = styled(new Label(), StyleClasses.MUTED);
    actions.textProperty().bind(model.outboxTextProperty());
    model
        .outboxRejectedProperty()
        .addListener(
            (obs, was, rejected) ->
                StyleClasses.setState(actions, rejected ? StyleClasses.WARNING : null));
    HBox line = new HBox(24, server, actions);
    line.getStyleClass().add(StyleClasses.STATUS_LINE);
    return line;
  }

  private static VBox metric(String label, ObservableValue<String> value, String pseudoClass) {
    Label number = styled(new Label(), StyleClasses.METRIC_VALUE);
    number.textProperty().bind(value);
    VBox box = new VBox(2, number, styled(new Label(label), StyleClasses.METRIC_LABEL));
    box.getStyleClass().add(StyleClasses.METRIC);
    if (pseudoClass != null) {
      StyleClasses.setState(box, pseudoClass);
    }
    return box;
  }

  private static VBox panel(String title, Node... content) {
    VBox panel = new VBox(8);
    panel.getStyleClass().add(StyleClasses.PANEL);
    panel.getChildren().add(styled(new Label(title), StyleClasses.PANEL_TITLE));
    panel.getChildren().addAll(content);
    return panel;
  }

  private static <T extends Node> T styled(T node, String styleClass) {
    node.getStyleClass().add(styleClass);
    return node;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }

  /** 18.0 reads as 18; fractional values keep their digits. */
  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
