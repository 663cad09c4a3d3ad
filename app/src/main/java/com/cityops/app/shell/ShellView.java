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
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
  private ShellChrome chrome = ShellChrome.NONE;
  private DetachablePanel mapPanel;
  private Timeline everySecond;
  private HBox mapHeader;

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

  /** Adds the workspace's search, breadcrumb, settings and layout memory; call before build. */
  public ShellView withChrome(ShellChrome chrome) {
    this.chrome = chrome;
    return this;
  }

  /**
   * The window: top bar and the major-case banner; then resizable columns — vital signs | case
   * overview over the map | the queue over the case in hand — whose dividers are remembered per
   * user; the backend line at the bottom. The map can leave for a window of its own (the next
   * monitor).
   */
  public Parent build() {
    BorderPane root = new BorderPane();
    root.getStyleClass().add(StyleClasses.SHELL);
    IncidentQueue queue = new IncidentQueue(workbench, queueSettings);
    root.setTop(new VBox(topBar(), queue.banner()));
    mapPanel =
        new DetachablePanel(
            "map",
            messages.get("panel.map"),
            mapPanelContent(),
            messages,
            chrome.layout(),
            chrome.windowRoot());
    mapHeader.getChildren().add(mapPanel.detachButton());
    SplitPane centre = remembered("centre", new SplitPane(overview(), mapPanel.holder()), 0.34);
    centre.setOrientation(Orientation.VERTICAL);
    SplitPane.setResizableWithParent(centre.getItems().get(0), false);
    Node left = indicatorPanel();
    Node right =
        remembered(
            "queue-detail", IncidentDetailView.belowQueue(queuePanel(queue), workbench), 0.55);
    SplitPane columns = remembered("columns", new SplitPane(left, centre, right), 0.22, 0.66);
    SplitPane.setResizableWithParent(left, false);
    SplitPane.setResizableWithParent(right, false);
    columns.setId("shell-columns");
    root.setCenter(columns);
    root.setBottom(statusLine());
    startClock();
    root.sceneProperty()
        .addListener(
            (obs, was, scene) -> {
              if (scene != null) {
                scene.windowProperty().addListener((o, w, window) -> restoreDetached(window));
                restoreDetached(scene.getWindow());
              }
            });
    return root;
  }

  private void restoreDetached(javafx.stage.Window window) {
    if (window == null) {
      return;
    }
    if (window.isShowing()) {
      mapPanel.restore();
    } else {
      window.setOnShown(e -> mapPanel.restore());
    }
  }

  /** Closes the windows the panels were detached into (the main window goes or is rebuilt). */
  public void close() {
    if (mapPanel != null) {
      mapPanel.closeKeepingChoice();
    }
    if (everySecond != null) {
      everySecond.stop();
    }
  }

  /** A split whose dividers start where the operator left them and are remembered when moved. */
  private SplitPane remembered(String id, SplitPane split, double... defaults) {
    double[] saved = chrome.layout().dividers(id);
    split.setDividerPositions(saved != null && saved.length == defaults.length ? saved : defaults);
    for (SplitPane.Divider divider : split.getDividers()) {
      divider
          .positionProperty()
          .addListener(
              (obs, was, now) -> chrome.layout().dividersMoved(id, split.getDividerPositions()));
    }
    return split;
  }

  private void startClock() {
    model.tick(clock.get());
    everySecond = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(clock.get())));
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
    bindFeedState(model, feed);
    Label age = styled(new Label(), StyleClasses.MUTED);
    age.setId("data-age");
    age.textProperty().bind(model.ageTextProperty());
    Label clockLabel = styled(new Label(), StyleClasses.CLOCK);
    clockLabel.textProperty().bind(model.clockTextProperty());
    Label user = styled(new Label(model.userText()), StyleClasses.USER_BADGE);
    user.setId("signed-in-user");
    workbench
        .userProperty()
        .addListener((obs, was, now) -> user.setText(userText(now, model.userText())));
    user.setText(userText(workbench.userProperty().get(), model.userText()));

    Label canary = styled(new Label(), StyleClasses.STATUS_BADGE);
    canary.setId("canary-alarm");
    canary.textProperty().bind(model.canaryTextProperty());
    canary.visibleProperty().bind(model.canaryTextProperty().isNotEmpty());
    canary.managedProperty().bind(canary.visibleProperty());
    StyleClasses.setState(canary, StyleClasses.ALARM);
    HBox bar = new HBox(16, title);
    addIfPresent(bar, chrome.scope());
    bar.getChildren().add(spacer());
    addIfPresent(bar, chrome.search());
    bar.getChildren().addAll(canary, mode, feed, age, clockLabel, user);
    addIfPresent(bar, chrome.settings());
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(StyleClasses.TOP_BAR);
    return bar;
  }

  private static void addIfPresent(HBox bar, Node node) {
    if (node != null) {
      bar.getChildren().add(node);
    }
  }

  /** "值班员（operator）" from the sign-in answer; the command line's name until then. */
  private String userText(com.cityops.app.state.SignedInUser who, String before) {
    if (who == null) {
      return before;
    }
    String role = messages.get("role." + who.role().name().toLowerCase());
    return role.equals(who.displayName())
        ? who.displayName() + " · " + who.username()
        : messages.format("user.label", who.displayName(), role);
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
                  messages.get("level." + level.code()),
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
          .add(
              metric(
                  messages.get("status." + status.name().toLowerCase()),
                  model.statusCountProperty(status).asString(),
                  null));
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
    // A row of its own under the cases: beside them it was cut off in a 1920-px-wide window.
    Label devicesTitle = styled(new Label(messages.get("panel.devices")), StyleClasses.PANEL_TITLE);
    VBox devicesHeading = new VBox(4, devicesTitle, devicesTotal);
    devicesHeading.setAlignment(Pos.CENTER_LEFT);
    HBox devices = new HBox(16, devicesHeading, health);
    devices.getStyleClass().add(StyleClasses.PANEL);
    devices.setAlignment(Pos.CENTER_LEFT);

    Label alert = styled(new Label(), StyleClasses.ALERT_LINE);
    alert.setWrapText(true);
    alert.setMaxWidth(Double.MAX_VALUE);
    alert.textProperty().bind(model.alertTextProperty());
    HBox.setHgrow(alert, Priority.ALWAYS);
    devices.getChildren().add(alert);

    // Let the map column shrink on narrow screens instead of pushing the queue off the window.
    cases.setMinWidth(0);
    devices.setMinWidth(0);
    VBox center = new VBox(8, cases, devices);
    center.setMinWidth(0);
    center.setMinHeight(0);
    center.setPadding(new Insets(0, 12, 0, 12));
    return center;
  }

  /** The city map under its title, with the button that gives it a window of its own. */
  private Node mapPanelContent() {
    Label title = styled(new Label(messages.get("panel.map")), StyleClasses.PANEL_TITLE);
    HBox header = new HBox(8, title, spacer());
    mapHeader = header;
    header.getStyleClass().add(StyleClasses.PANEL_HEADER);
    header.setAlignment(Pos.CENTER_LEFT);
    VBox panel = new VBox(8, header, map);
    panel.getStyleClass().add(StyleClasses.PANEL);
    VBox.setVgrow(map, Priority.ALWAYS);
    panel.setMinSize(0, 0);
    panel
        .parentProperty()
        .addListener(
            (obs, was, now) -> {
              // The detach button belongs to the main window only.
              boolean inMain = mapPanel != null && now == mapPanel.holder();
              header
                  .getChildren()
                  .removeIf(n -> n.getId() != null && n.getId().startsWith("detach-"));
              if (inMain) {
                header.getChildren().add(mapPanel.detachButton());
              }
            });
    return panel;
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

  /**
   * Keeps {@code badge}'s state pseudo-class on the feed's: stale (data too old) over the feed
   * state. For the top bar's badge and each wall screen's corner.
   */
  public static void bindFeedState(ShellViewModel model, Node badge) {
    Runnable state =
        () ->
            StyleClasses.setState(
                badge,
                model.staleProperty().get()
                    ? StyleClasses.STALE
                    : StyleClasses.feedPseudoClass(model.feedStateProperty().get().name()));
    model.feedStateProperty().addListener((obs, was, now) -> state.run());
    model.staleProperty().addListener((obs, was, now) -> state.run());
    state.run();
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
