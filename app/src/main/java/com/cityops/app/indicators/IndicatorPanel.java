package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.Freshness;
import com.cityops.app.state.FreshnessPolicy;
import com.cityops.app.state.IndicatorReadings;
import com.cityops.app.state.SignedInUser;
import com.cityops.themes.StyleClasses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vital-signs panel (城市体征): a live tile per indicator, grouped by domain under section headers,
 * the operator's key indicators (关键体征) pinned on top, filters by domain, state and name, the area
 * in scope (drill-down), an alarm strip to acknowledge, and a detail with a history chart.
 *
 * <p>Data comes through its own {@link FxBridge} over {@link
 * com.cityops.app.state.CityState#indicatorReadings()}: once per pulse at most, and only the tiles
 * whose indicator record changed are touched (records are replaced on every sample, so identity
 * tells). Ages are re-judged once a second on the backend's clock, as silence ages data. Pins are
 * read and written on the panel's own I/O thread ({@code cityops-indicators-io}), which also loads
 * history; {@link #close()} stops it.
 *
 * <p>FX thread only.
 */
public final class IndicatorPanel {
  private static final Logger LOG = LoggerFactory.getLogger(IndicatorPanel.class);

  /** The tile of one indicator and what it last showed. */
  private static final class Entry {
    final IndicatorTile tile;
    final RecentSamples samples;
    Indicator indicator;
    Freshness freshness;
    String ageText = "";
    boolean visible = true;
    boolean restyleQueued;

    Entry(IndicatorTile tile, RecentSamples samples, Indicator indicator) {
      this.tile = tile;
      this.samples = samples;
      this.indicator = indicator;
    }
  }

  /** A header and the tiles under it. */
  private static final class Section {
    final VBox box = new VBox(4);
    final Label title = new Label();
    final TilePane tiles = new TilePane(6, 6);
    final String name;
    int visible = -1;

    Section(String id, String name) {
      this.name = name;
      box.setId(id);
      box.getStyleClass().add(IndicatorStyles.SECTION);
      title.getStyleClass().add(IndicatorStyles.SECTION_TITLE);
      tiles.getStyleClass().add(IndicatorStyles.TILES);
      tiles.setPrefTileWidth(IndicatorTile.WIDTH);
      tiles.setPrefTileHeight(IndicatorTile.HEIGHT);
      tiles.setPrefColumns(2);
      box.getChildren().addAll(title, tiles);
    }

    void count(int shown) {
      if (shown == visible) {
        return;
      }
      visible = shown;
      title.setText(name + " · " + shown);
      box.setVisible(shown > 0);
      box.setManaged(shown > 0);
    }
  }

  /** Pins as read for a user (empty: never pinned; the defaults apply). */
  private record LoadedPins(String user, Optional<List<String>> pins, String problem) {}

  private final Workbench workbench;
  private final Messages messages;
  private final FreshnessPolicy policy = FreshnessPolicy.DEFAULT;
  private final PinStore pinStore;
  private final ExecutorService io;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<IndicatorDomain, Section> sections = new EnumMap<>(IndicatorDomain.class);
  private final Section pinnedSection;
  private final AlarmBoard alarms = new AlarmBoard();
  private final AlarmBanner banner;
  private final IndicatorDetail detail;
  private final VBox root = new VBox(8);
  private final Label summary = new Label();
  private final Label problem = new Label();
  private final Label empty = new Label();
  private final ScrollPane scroll;
  private final Set<String> districts = new TreeSet<>();
  private final AtomicReference<LoadedPins> loadedPins = new AtomicReference<>();
  private final FxBridge<LoadedPins> pinsBridge;
  private final FxBridge<IndicatorReadings> readingsBridge;
  private final Timeline everySecond;

  /**
   * Tiles are redrawn at most this often (4 Hz). With hundreds of indicators each sampled several
   * times a second, redrawing at every pulse kept the software renderer painting the whole panel at
   * every frame; a quarter second is below what an operator reads off a number, and the data age
   * beside it stays exact.
   */
  private static final long REFRESH_MS = 250;

  private final Timeline refreshTick;
  private static final int RESTYLES_PER_PULSE = 24;
  private final java.util.ArrayDeque<Entry> restyles = new java.util.ArrayDeque<>();
  private final javafx.animation.AnimationTimer restyler =
      new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
          restyleSome();
        }
      };
  private IndicatorReadings waiting;
  private long lastShownNanos = Long.MIN_VALUE / 2;
  private ContextMenu menu;
  private IndicatorReadings readings;
  private IndicatorFilter filter = IndicatorFilter.ALL;

  /** Domains a wall panel is fixed to; empty: all (the workstation's filter decides). */
  private Set<IndicatorDomain> fixedDomains = Set.of();

  private Node toolbar;
  private String pendingDetail;
  private List<String> pins = List.of();
  private boolean pinsChosen;
  private String pinsUser;
  private String summaryText = "";
  private boolean closed;

  /**
   * @param dataDir the per-user data folder where pins are kept, or null to keep them in memory
   */
  public IndicatorPanel(Workbench workbench, Path dataDir) {
    this.workbench = workbench;
    this.messages = workbench.messages();
    this.pinStore = dataDir == null ? null : new PinStore(dataDir);
    this.io =
        Executors.newSingleThreadExecutor(
            com.cityops.app.platform.DaemonThreads.named("cityops-indicators-io"));
    pinnedSection = new Section("indicator-section-pinned", messages.get("indicator.pinned"));
    pinnedSection.box.getStyleClass().add("indicator-section-pinned");
    VBox content = new VBox(10, pinnedSection.box);
    for (IndicatorDomain d : IndicatorDomain.values()) {
      Section s =
          new Section(
              "indicator-section-" + d.name().toLowerCase(), IndicatorText.domain(messages, d));
      sections.put(d, s);
      content.getChildren().add(s.box);
    }
    empty.getStyleClass().addAll(IndicatorStyles.EMPTY, StyleClasses.MUTED);
    empty.setText(messages.get("indicator.none"));
    empty.setVisible(false);
    empty.setManaged(false);
    content.getChildren().add(empty);
    scroll = new ScrollPane(content);
    scroll.setId("indicator-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    banner = new AlarmBanner(messages, this::acknowledge, this::acknowledgeAll, this::openDetail);
    detail =
        new IndicatorDetail(
            messages,
            this::runOnIo,
            workbench.fxDoor(),
            workbench::backend,
            () -> readings == null ? null : readings.backendNow(workbench.clock().instant()),
            this::closeDetail);
    detail.node().setVisible(false);
    StackPane body = new StackPane(scroll, detail.node());
    VBox.setVgrow(body, Priority.ALWAYS);

    Label title = new Label(messages.get("panel.indicators"));
    title.getStyleClass().add(StyleClasses.PANEL_TITLE);
    summary.getStyleClass().add(StyleClasses.METRIC_LABEL);
    summary.setId("indicator-summary");
    problem.getStyleClass().add(StyleClasses.MUTED);
    StyleClasses.setState(problem, StyleClasses.WARNING);
    problem.setWrapText(true);
    problem.setVisible(false);
    problem.setManaged(false);
    root.setId("indicator-panel");
    root.getStyleClass().addAll(StyleClasses.PANEL, IndicatorStyles.PANEL);
    toolbar = toolbar();
    root.getChildren().addAll(title, summary, banner.node(), toolbar, problem, body);
    root.setPrefWidth(2 * IndicatorTile.WIDTH + 36);
    root.setMinWidth(2 * IndicatorTile.WIDTH + 36);

    pinsBridge =
        new FxBridge<>(workbench.fxDoor(), () -> loadedPins.getAndSet(null), this::applyPins);
    readingsBridge =
        new FxBridge<>(workbench.fxDoor(), workbench.state()::indicatorReadings, this::offered);
    workbench.onStateChange(readingsBridge::changed);
    workbench.userProperty().addListener((obs, was, now) -> loadPins(now));
    loadPins(workbench.userProperty().get());
    workbench.scopeProperty().addListener((obs, was, now) -> scopeChanged(now));
    everySecond = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshAges()));
    everySecond.setCycleCount(Timeline.INDEFINITE);
    everySecond.play();
    refreshTick = new Timeline(new KeyFrame(Duration.millis(REFRESH_MS), e -> showWaiting()));
    refreshTick.setCycleCount(Timeline.INDEFINITE);
    refreshTick.play();
    // The window going away ends the panel's thread and timer.
    root.sceneProperty()
        .addListener(
            (obs, was, scene) -> {
              if (scene != null) {
                scene
                    .windowProperty()
                    .addListener(
                        (o, w, window) -> {
                          if (window != null) {
                            window.addEventHandler(
                                javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> close());
                          }
                        });
              }
            });
    readingsBridge.changed();
  }

  public Node node() {
    return root;
  }

  /** Opens this indicator's detail (its history chart) as soon as it is known (a wall's chart). */
  public IndicatorPanel openDetailWhenKnown(String indicatorId) {
    pendingDetail = indicatorId;
    return this;
  }

  /**
   * For a wall panel: only these domains (empty: all), and no search or filter bar — nobody types
   * at a wall. FX thread.
   */
  public IndicatorPanel showOnly(Set<IndicatorDomain> domains) {
    fixedDomains = Set.copyOf(domains);
    toolbar.setVisible(false);
    toolbar.setManaged(false);
    setFilter(filter);
    countSections();
    return this;
  }

  /** Stops the panel's I/O thread and its clock; pins already handed to it are still written. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    everySecond.stop();
    refreshTick.stop();
    restyler.stop();
    io.shutdown();
  }

  private Node toolbar() {
    TextField search = new TextField();
    search.setId("indicator-search");
    search.setPromptText(messages.get("indicator.search"));
    search.textProperty().addListener((obs, was, now) -> setFilter(filter.withSearch(now)));
    HBox.setHgrow(search, Priority.ALWAYS);
    ComboBox<DomainChoice> domain = new ComboBox<>();
    domain.setId("indicator-domain-filter");
    domain.getItems().add(new DomainChoice(null, messages.get("indicator.domain.all")));
    for (IndicatorDomain d : IndicatorDomain.values()) {
      domain.getItems().add(new DomainChoice(d, IndicatorText.domain(messages, d)));
    }
    domain.getSelectionModel().select(0);
    domain
        .valueProperty()
        .addListener(
            (obs, was, now) -> setFilter(filter.withDomain(now == null ? null : now.domain())));
    ToggleButton trouble = new ToggleButton(messages.get("indicator.troubleOnly"));
    trouble.setId("indicator-trouble-only");
    trouble
        .selectedProperty()
        .addListener((obs, was, now) -> setFilter(filter.withTroubleOnly(now)));
    HBox bar = new HBox(6, search, domain, trouble);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(IndicatorStyles.TOOLBAR);
    return bar;
  }

  /** One choice of the domain filter; null for all domains. */
  private record DomainChoice(IndicatorDomain domain, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  // ------------------------------------------------------------------ data

  /** New readings from the bridge: shown at once when the last refresh is old enough, else soon. */
  private void offered(IndicatorReadings next) {
    waiting = next;
    if (System.nanoTime() - lastShownNanos >= REFRESH_MS * 1_000_000) {
      showWaiting();
    }
  }

  private void showWaiting() {
    IndicatorReadings next = waiting;
    if (next == null) {
      return;
    }
    waiting = null;
    lastShownNanos = System.nanoTime();
    apply(next);
  }

  private void apply(IndicatorReadings next) {
    if (closed) {
      return;
    }
    IndicatorReadings previous = readings;
    readings = next;
    boolean clockChanged =
        previous == null
            || previous.feed().state() != next.feed().state()
            || !Objects.equals(previous.cachedAt(), next.cachedAt());
    Instant localNow = workbench.clock().instant();
    Instant backendNow = next.backendNow(localNow);
    Freshness feed = next.feedFreshness(policy, localNow);
    boolean added = false;
    boolean alarmsChanged = false;
    boolean visibilityChanged = false;
    Set<String> held = new HashSet<>(next.indicators().size() * 2);
    for (Indicator indicator : next.indicators()) {
      if (!fixedDomains.isEmpty() && !fixedDomains.contains(indicator.domain())) {
        continue; // a wall panel fixed to other domains: no tile at all, not a hidden one
      }
      held.add(indicator.id());
      Entry e = entries.get(indicator.id());
      if (e == null) {
        e = create(indicator);
        added = true;
        e.tile.show(indicator, e.samples.samples(), true);
      } else if (e.indicator != indicator) {
        boolean samplesChanged = e.samples.take(indicator);
        e.tile.show(indicator, e.samples.samples(), samplesChanged);
        e.indicator = indicator;
      } else {
        if (clockChanged) {
          judgeAge(e, feed, backendNow);
        }
        continue;
      }
      if (alarms.take(indicator)) {
        alarmsChanged = true;
        e.tile.setAlarmMark(
            alarms.isWaiting(indicator.id()), alarms.isAcknowledged(indicator.id()));
      }
      judgeAge(e, feed, backendNow);
      visibilityChanged |= judgeVisibility(e);
      if (indicator.id().equals(detail.shownId())) {
        detail.refresh(indicator, e.freshness, e.ageText);
      }
    }
    if (entries.size() > held.size()) {
      removeAllBut(held);
      alarmsChanged |= alarms.retainOnly(held);
      visibilityChanged = true;
    }
    if (added) {
      if (!pinsChosen) {
        pins = KeyIndicators.defaults(next.indicators());
      }
      String scopeBefore = filter.scopeDistrict();
      setFilterQuietly(
          filter.withScopeDistrict(
              IndicatorFilter.districtOf(workbench.scopeProperty().get(), districts)));
      if (!Objects.equals(scopeBefore, filter.scopeDistrict())) {
        entries.values().forEach(this::judgeVisibility);
      }
      arrange();
      visibilityChanged = true;
    }
    if (alarmsChanged) {
      banner.show(alarms.waiting());
    }
    if (pendingDetail != null && entries.containsKey(pendingDetail)) {
      openDetail(pendingDetail);
      pendingDetail = null;
    }
    if (visibilityChanged) {
      countSections();
    }
    updateSummary();
  }

  private Entry create(Indicator indicator) {
    IndicatorTile tile = new IndicatorTile(indicator, messages.get("indicator.pin.toggle"));
    Entry e = new Entry(tile, new RecentSamples(indicator), indicator);
    entries.put(indicator.id(), e);
    if (indicator.districtCode() != null) {
      districts.add(indicator.districtCode());
    }
    tile.pinButton().setOnAction(ev -> togglePin(indicator.id()));
    tile.pinButton().addEventHandler(MouseEvent.MOUSE_CLICKED, Event::consume);
    tile.setOnMouseClicked(
        ev -> {
          if (ev.getButton() == MouseButton.PRIMARY) {
            openDetail(indicator.id());
          }
        });
    tile.setFocusTraversable(true);
    tile.setOnKeyPressed(
        ev -> {
          if (ev.getCode() == KeyCode.ENTER || ev.getCode() == KeyCode.SPACE) {
            openDetail(indicator.id());
          }
        });
    tile.setOnContextMenuRequested(
        ev -> {
          showMenu(indicator.id(), tile, ev.getScreenX(), ev.getScreenY());
          ev.consume();
        });
    return e;
  }

  private void showMenu(String id, Node owner, double x, double y) {
    if (menu != null) {
      menu.hide();
    }
    boolean pinned = pins.contains(id);
    MenuItem pin = new MenuItem(messages.get(pinned ? "indicator.unpin" : "indicator.pin"));
    pin.setOnAction(e -> togglePin(id));
    MenuItem open = new MenuItem(messages.get("indicator.open"));
    open.setOnAction(e -> openDetail(id));
    menu = new ContextMenu(pin, open);
    menu.show(owner, x, y);
  }

  private void removeAllBut(Set<String> held) {
    for (String id : List.copyOf(entries.keySet())) {
      if (!held.contains(id)) {
        Entry gone = entries.remove(id);
        if (gone.tile.getParent() instanceof TilePane pane) {
          pane.getChildren().remove(gone.tile);
        }
        if (id.equals(detail.shownId())) {
          closeDetail();
        }
      }
    }
  }

  /** Places every tile: pinned ones on top in pin order, the rest under their domain's header. */
  private void arrange() {
    List<IndicatorTile> pinnedTiles = new ArrayList<>();
    for (String id : pins) {
      Entry e = entries.get(id);
      if (e != null) {
        pinnedTiles.add(e.tile);
        e.tile.setPinned(true);
      }
    }
    Set<String> pinnedIds = new HashSet<>(pins);
    Map<IndicatorDomain, List<Entry>> byDomain = new EnumMap<>(IndicatorDomain.class);
    for (Entry e : entries.values()) {
      if (!pinnedIds.contains(e.indicator.id())) {
        e.tile.setPinned(false);
        byDomain.computeIfAbsent(e.indicator.domain(), d -> new ArrayList<>()).add(e);
      }
    }
    Comparator<Entry> order =
        Comparator.<Entry, Boolean>comparing(e -> e.indicator.districtCode() != null)
            .thenComparing(e -> e.indicator.id());
    replaceIfDifferent(pinnedSection.tiles, pinnedTiles);
    for (IndicatorDomain d : IndicatorDomain.values()) {
      List<IndicatorTile> tiles =
          byDomain.getOrDefault(d, List.of()).stream().sorted(order).map(e -> e.tile).toList();
      replaceIfDifferent(sections.get(d).tiles, tiles);
    }
  }

  private static void replaceIfDifferent(TilePane pane, List<IndicatorTile> tiles) {
    if (!pane.getChildren().equals(tiles)) {
      pane.getChildren().setAll(tiles);
    }
  }

  private void judgeAge(Entry e, Freshness feed, Instant backendNow) {
    Freshness own = policy.of(e.indicator.ts(), backendNow);
    Freshness f = own.compareTo(feed) >= 0 ? own : feed;
    String text =
        IndicatorText.age(
            messages,
            f,
            readings != null && readings.cachedAt() != null,
            e.indicator.ts(),
            backendNow);
    boolean textChanged = !text.equals(e.ageText);
    e.freshness = f;
    e.ageText = text;
    if ((textChanged || e.tile.showsOtherFreshness(f)) && !e.restyleQueued) {
      e.restyleQueued = true;
      restyles.add(e);
      restyler.start();
    }
  }

  /**
   * Shows new data ages (text and freshness style) on at most {@link #RESTYLES_PER_PULSE} tiles per
   * pulse. When the feed drops, every tile's data turns delayed at once and every age text changes
   * each second; restyling 232 tiles in one pulse blocked the FX thread for ~100 ms (a CSS pass per
   * tile); spread over a few pulses the whole panel changes within 0.2 s.
   */
  private void restyleSome() {
    for (int i = 0; i < RESTYLES_PER_PULSE && !restyles.isEmpty(); i++) {
      Entry e = restyles.poll();
      e.restyleQueued = false;
      e.tile.showFreshness(e.freshness);
      e.tile.showAgeText(e.ageText);
    }
    if (restyles.isEmpty()) {
      restyler.stop();
    }
  }

  /** Once a second: silence ages data without any message arriving. */
  private void refreshAges() {
    if (readings == null || closed) {
      return;
    }
    Instant localNow = workbench.clock().instant();
    Instant backendNow = readings.backendNow(localNow);
    Freshness feed = readings.feedFreshness(policy, localNow);
    for (Entry e : entries.values()) {
      judgeAge(e, feed, backendNow);
    }
    Entry shown = detail.shownId() == null ? null : entries.get(detail.shownId());
    if (shown != null) {
      detail.refresh(shown.indicator, shown.freshness, shown.ageText);
    }
    updateSummary();
  }

  private boolean judgeVisibility(Entry e) {
    boolean show =
        filter.matches(e.indicator)
            && (fixedDomains.isEmpty() || fixedDomains.contains(e.indicator.domain()));
    if (show == e.visible) {
      return false;
    }
    e.visible = show;
    e.tile.setVisible(show);
    e.tile.setManaged(show);
    return true;
  }

  private void setFilter(IndicatorFilter next) {
    setFilterQuietly(next);
    boolean changed = false;
    for (Entry e : entries.values()) {
      changed |= judgeVisibility(e);
    }
    if (changed) {
      countSections();
    }
  }

  private void setFilterQuietly(IndicatorFilter next) {
    filter = next;
  }

  private void scopeChanged(AreaScope scope) {
    setFilter(filter.withScopeDistrict(IndicatorFilter.districtOf(scope, districts)));
  }

  private void countSections() {
    Map<Object, Integer> counts = new HashMap<>();
    Set<String> pinnedIds = new HashSet<>(pins);
    int pinnedShown = 0;
    int total = 0;
    for (Entry e : entries.values()) {
      if (!e.visible) {
        continue;
      }
      total++;
      if (pinnedIds.contains(e.indicator.id())) {
        pinnedShown++;
      } else {
        counts.merge(e.indicator.domain(), 1, Integer::sum);
      }
    }
    pinnedSection.count(pinnedShown);
    sections.forEach((d, s) -> s.count(counts.getOrDefault(d, 0)));
    boolean none = total == 0 && !entries.isEmpty();
    empty.setVisible(none);
    empty.setManaged(none);
  }

  private void updateSummary() {
    int alarm = 0;
    int warning = 0;
    int late = 0;
    for (Entry e : entries.values()) {
      alarm += e.indicator.state() == IndicatorState.ALARM ? 1 : 0;
      warning += e.indicator.state() == IndicatorState.WARNING ? 1 : 0;
      late += e.freshness != null && e.freshness != Freshness.LIVE ? 1 : 0;
    }
    String text = messages.format("indicator.summary", entries.size(), alarm, warning);
    if (late > 0) {
      text += " · " + messages.format("indicator.summary.late", late);
    }
    if (!text.equals(summaryText)) {
      summaryText = text;
      summary.setText(text);
    }
  }

  // ------------------------------------------------------------------ pins

  private void loadPins(SignedInUser user) {
    if (user == null || pinStore == null || user.username().equals(pinsUser)) {
      return;
    }
    String name = user.username();
    runOnIo(
        () -> {
          LoadedPins result;
          try {
            result = new LoadedPins(name, pinStore.load(name), null);
          } catch (RuntimeException e) {
            LOG.warn("pinned indicators not read", e);
            result = new LoadedPins(name, Optional.empty(), e.getMessage());
          }
          loadedPins.set(result);
          pinsBridge.changed();
        });
  }

  private void applyPins(LoadedPins loaded) {
    if (loaded == null || closed) {
      return;
    }
    pinsUser = loaded.user();
    showProblem(
        loaded.problem() == null
            ? null
            : messages.format("indicator.pins.unreadable", loaded.problem()));
    if (loaded.pins().isPresent()) {
      pins = loaded.pins().get();
      pinsChosen = true;
    } else if (readings != null) {
      pins = KeyIndicators.defaults(readings.indicators());
    }
    arrange();
    countSections();
  }

  private void togglePin(String id) {
    List<String> next = new ArrayList<>(pins);
    if (!next.remove(id)) {
      next.add(id);
    }
    pins = List.copyOf(next);
    pinsChosen = true;
    arrange();
    countSections();
    SignedInUser user = workbench.userProperty().get();
    String name = user != null ? user.username() : pinsUser;
    if (pinStore != null && name != null) {
      List<String> toSave = pins;
      runOnIo(
          () -> {
            try {
              pinStore.save(name, toSave);
            } catch (RuntimeException e) {
              LOG.warn("pinned indicators not saved", e);
            }
          });
    }
  }

  private void showProblem(String text) {
    boolean on = text != null;
    problem.setText(on ? text : "");
    problem.setVisible(on);
    problem.setManaged(on);
  }

  // ------------------------------------------------------------------ alarms and detail

  private void acknowledge(String id) {
    if (alarms.acknowledge(id)) {
      afterAcknowledge();
    }
  }

  private void acknowledgeAll() {
    if (alarms.acknowledgeAll() > 0) {
      afterAcknowledge();
    }
  }

  private void afterAcknowledge() {
    banner.show(alarms.waiting());
    for (Entry e : entries.values()) {
      String id = e.indicator.id();
      e.tile.setAlarmMark(alarms.isWaiting(id), alarms.isAcknowledged(id));
    }
  }

  private void openDetail(String id) {
    Entry e = entries.get(id);
    if (e == null) {
      return;
    }
    detail.open(e.indicator, e.freshness == null ? Freshness.STALE : e.freshness, e.ageText);
    detail.node().setVisible(true);
    scroll.setVisible(false);
  }

  private void closeDetail() {
    detail.close();
    detail.node().setVisible(false);
    scroll.setVisible(true);
  }

  private void runOnIo(Runnable task) {
    try {
      io.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("indicator panel closed; dropped a task", e);
    }
  }

  // ------------------------------------------------------------------ for tests

  List<String> pinnedIds() {
    return pins;
  }

  int alarmsWaiting() {
    return alarms.waiting().size();
  }

  int chartPoints() {
    return detail.pointsShown();
  }
}
