package com.cityops.app;

import com.cityops.app.cache.OfflineCache;
import com.cityops.app.cli.AppOptions;
import com.cityops.app.cli.VersionInfo;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.feed.SignOn;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.fx.FxPlatform;
import com.cityops.app.fx.PulseStats;
import com.cityops.app.i18n.Messages;
import com.cityops.app.map.CaseMapLink;
import com.cityops.app.map.CityMapLayers;
import com.cityops.app.map.MapPane;
import com.cityops.app.map.MapSelection;
import com.cityops.app.map.MapView;
import com.cityops.app.map.MapViewFocus;
import com.cityops.app.outbox.ActionOutbox;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.replay.FeedRecorder;
import com.cityops.app.replay.ReplayFeed;
import com.cityops.app.security.AuditShipper;
import com.cityops.app.security.UnlockMethod;
import com.cityops.app.shell.ShellView;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.app.shell.Workbench;
import com.cityops.app.signin.Browser;
import com.cityops.app.signin.OidcSignOn;
import com.cityops.app.signin.TokenStores;
import com.cityops.app.state.CityState;
import com.cityops.app.state.CitySummary;
import com.cityops.app.state.SignedInUser;
import com.cityops.app.status.StatusReporter;
import com.cityops.app.status.StatusServer;
import com.cityops.map.content.MapContent;
import com.cityops.map.style.StyleFile;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires backend client → live feed → city state → FX bridge → views, starts
 * the embedded backend for {@code --demo}, and closes everything it started when the window closes.
 *
 * <p>Created and used on the FX thread; slow work (the embedded backend, the network, disk) runs on
 * the owned {@code cityops-io} thread.
 */
public final class CityOpsApp {
  private static final Logger LOG = LoggerFactory.getLogger(CityOpsApp.class);

  private final AppOptions options;
  private Messages messages;
  private Theme theme;
  private String language;
  private final com.cityops.app.workspace.PreferencesStore prefs;
  private final com.cityops.app.search.PinyinMatcher pinyin =
      new com.cityops.app.search.PinyinMatcher();
  private final com.cityops.app.search.Gazetteer gazetteer =
      new com.cityops.app.search.Gazetteer(pinyin);
  private final com.cityops.app.search.OneBoxSearch search;
  private volatile com.cityops.app.scope.ScopeController scopeController;
  private Workbench workbench;
  private ShellView shell;
  private com.cityops.app.security.Watermark watermark;
  private com.cityops.app.security.SessionLock sessionLock;
  private ShellViewModel firstModel;
  private Scene scene;
  private volatile String basemapFailure;
  private final CityState state = new CityState();
  private final ScheduledExecutorService io =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-io-1"));
  private static final Duration CACHE_EVERY = Duration.ofSeconds(30);
  private static final Duration AUDIT_EVERY = Duration.ofSeconds(30);
  private final OfflineCache cache;
  private long savedChanges = -1;
  private volatile SimServer embedded;
  private volatile LiveFeed feed;
  private volatile ActionOutbox outbox;
  private volatile AuditShipper auditShipper;
  private volatile ReplayFeed replay;
  private volatile FeedRecorder recorder;
  private volatile StatusServer statusServer;
  private final PulseStats pulses = new PulseStats();
  private final CityMapLayers mapLayers;
  private final java.util.Set<String> mapLayersLoaded =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile BackendClient backend;
  private volatile SignOn signOn;
  private volatile boolean signedOut;
  private volatile FxBridge<List<OutboxEntry>> outboxBridge;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private Stage stage;
  private MapView map;

  /** The embedded backend being built for {@code --demo}, else null. */
  private final CompletableFuture<SimServer> demoBackend;

  private CityOpsApp(AppOptions options, CompletableFuture<SimServer> demoBackend) {
    this.options = options;
    this.demoBackend =
        demoBackend != null || !options.demo() ? demoBackend : DemoBackend.start(options);
    this.prefs = com.cityops.app.workspace.PreferencesStore.open(options.dataDir(), options.user());
    var chosen = prefs.get();
    this.language =
        options.languageGiven() != null
            ? options.languageGiven()
            : chosen.language() != null ? chosen.language() : options.language();
    this.theme = startTheme(options, chosen.theme());
    this.messages = Messages.forLanguage(language);
    this.cache = new OfflineCache(options.dataDir());
    this.mapLayers = new CityMapLayers(state, mapStyle(options, theme));
    this.search = new com.cityops.app.search.OneBoxSearch(state, gazetteer, pinyin);
  }

  /** The command line's theme, else the user's last choice (if still known), else dark. */
  private static Theme startTheme(AppOptions options, String remembered) {
    if (options.themeGiven() != null || remembered == null) {
      return Theme.parse(options.theme());
    }
    try {
      return Theme.parse(remembered);
    } catch (IllegalArgumentException e) {
      LOG.warn("remembered theme ignored: {}", e.getMessage());
      return Theme.parse(options.theme());
    }
  }

  /** The layer style: the operator's file, else the theme's bundled one. Fails loud when broken. */
  private static StyleFile mapStyle(AppOptions options, Theme theme) {
    StyleFile style;
    if (options.mapStyle() != null) {
      style = StyleFile.read(options.mapStyle());
    } else {
      try (java.io.InputStream in = Themes.mapStyle(theme).openStream()) {
        style =
            StyleFile.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the bundled map style", e);
      }
    }
    style.warnings().forEach(w -> LOG.warn("map style: {}", w));
    return style;
  }

  /** The wall's remote control on the status endpoint; a bad token file leaves it closed. */
  private void openRemoteControl(com.cityops.app.wall.WallScenes scenes) {
    try {
      String token = java.nio.file.Files.readString(options.controlTokenFile()).strip();
      statusServer.withControl(token, scenes);
      LOG.info(
          "remote control on http://{}:{}/control/ (token from {})",
          options.statusAddress(),
          statusServer.port(),
          options.controlTokenFile());
    } catch (java.io.IOException | IllegalArgumentException e) {
      LOG.error(
          "the remote control stays closed: cannot use the token file {}: {}",
          options.controlTokenFile(),
          e.getMessage());
    }
  }

  private void startStatusEndpoint() {
    if (options.statusPort() < 0) {
      return;
    }
    try {
      var reporter =
          new StatusReporter(
              state,
              () -> {
                ActionOutbox o = outbox;
                return o == null ? 0 : o.pendingCount();
              },
              () -> {
                AuditShipper a = auditShipper;
                return a == null ? new AuditShipper.Progress(0, 0, null) : a.progress();
              },
              pulses,
              Clock.systemUTC());
      var scenes = wallScenes;
      if (scenes != null) {
        reporter.withWall(scenes::status);
      }
      reporter.withWatchdog(watchdog::figures);
      reporter.withBasemapCache(
          () -> {
            var shown = basemap;
            return shown == null ? 0 : shown.cacheBytes();
          });
      statusServer =
          StatusServer.start(
              java.net.InetAddress.getByName(options.statusAddress()),
              options.statusPort(),
              reporter);
      if (options.controlTokenFile() != null && scenes != null) {
        openRemoteControl(scenes);
      }
      LOG.info(
          "status endpoint on http://{}:{}/status and /metrics",
          options.statusAddress(),
          statusServer.port());
    } catch (java.io.IOException e) {
      LOG.error(
          "cannot start the status endpoint on {}:{}: {}",
          options.statusAddress(),
          options.statusPort(),
          e.getMessage());
    }
  }

  /** Saves live state to the offline cache when it changed; on the io thread. */
  private void saveCache() {
    if (signedOut) {
      return; // the copy was deleted on purpose
    }
    var summary = state.summary();
    boolean live = summary.cachedAt() == null && summary.seq() >= 0;
    long changes = state.changeCount();
    if (!live || changes == savedChanges) {
      return;
    }
    try {
      cache.save(state.snapshot(), Instant.now());
      savedChanges = changes;
    } catch (java.io.IOException e) {
      LOG.warn("cannot save the offline cache {}: {}", cache.file(), e.getMessage());
    }
  }

  /** Opens the main window and starts connecting; called on the FX thread. */
  public static CityOpsApp start(AppOptions options) {
    return start(options, null);
  }

  /**
   * Opens the main window; {@code demoBackend} is the embedded backend already being built for
   * {@code --demo} (see {@link DemoBackend}), or null to build it now if asked for.
   */
  static CityOpsApp start(AppOptions options, CompletableFuture<SimServer> demoBackend) {
    CityOpsApp app = new CityOpsApp(options, demoBackend);
    app.open(new Stage());
    return app;
  }

  private void open(Stage window) {
    this.stage = window;
    startWatchdog();
    if (options.kiosk()) {
      kiosk =
          new com.cityops.app.kiosk.Kiosk(
              messages,
              new com.cityops.app.kiosk.KioskExit(options.kioskPin(), System::nanoTime),
              this::exit);
      keepAwake = com.cityops.app.kiosk.KeepAwake.start();
    }
    if (options.wall() != null) {
      openWall(); // the wall's own windows; the given one stays unused
      return;
    }
    scene = new Scene(new javafx.scene.layout.Region(), options.width(), options.height());
    Themes.apply(scene, theme);
    long[] pulseStart = new long[1];
    scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
    scene.addPostLayoutPulseListener(() -> pulses.pulseEnded(System.nanoTime() - pulseStart[0]));
    if (options.lockAfter().compareTo(Duration.ZERO) > 0) {
      sessionLock =
          new com.cityops.app.security.SessionLock(
              messages,
              options.user(),
              options.ssoIssuer() == null
                  ? UnlockMethod.password(options.password())
                  : signOnAgainToUnlock(),
              FxPlatform.pulseExecutor(pulses),
              options.lockAfter(),
              System::nanoTime);
      sessionLock.watch(scene);
      scene
          .getAccelerators()
          .put(
              new javafx.scene.input.KeyCodeCombination(
                  javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
              sessionLock::lock);
    }
    buildWindow();
    window.setScene(scene);
    window.setOnHidden(e -> close());
    window.show();
    if (kiosk != null) {
      kiosk.guard(window, true);
    }
    io.execute(this::connect);
    io.execute(() -> loadBasemap(map, theme));
    if (options.screenshot() != null) {
      var screenshot =
          new ScreenshotOnLive(
              scene, options.screenshot(), options.screenshotDelay(), io, this::exit);
      screenshot.watch(firstModel.feedStateProperty(), FeedState.LIVE);
      screenshot.watch(firstModel.staleProperty(), Boolean.TRUE);
      screenshot.watch(firstModel.feedStateProperty(), FeedState.REPLAY);
    }
    if (options.snapshot() != null) {
      new ScreenshotOnLive(scene, options.snapshot(), Duration.ZERO, io, this::exit)
          .whenReady(this::notFullyLoaded, options.snapshotTimeout(), this::snapshotFailed);
    }
  }

  /**
   * (Re)builds the window's content with the current messages: a new workbench, view model, map
   * view and shell; the selection, the area in scope, the map's view and basemap carry over from
   * the window it replaces, which is disposed. FX thread.
   */
  private void buildWindow() {
    Workbench previous = workbench;
    ShellView previousShell = shell;
    MapView previousMap = map;
    ShellViewModel model =
        new ShellViewModel(messages, options.user(), displayName(options.user()));
    if (firstModel == null) {
      firstModel = model;
    }
    MapView map = new MapView(FxPlatform.pulseExecutor(pulses), LOG::warn);
    map.setId("city-map");
    boolean fitWhenDistrictsArrive = previousMap == null;
    var mapBridge =
        new FxBridge<MapContent>(
            FxPlatform.pulseExecutor(pulses),
            mapLayers::content,
            content -> show(map, content, fitWhenDistrictsArrive));
    MapPane mapPane = new MapPane(map, messages, this::cityBounds);
    Workbench workbench =
        new Workbench(
            messages,
            state,
            FxPlatform.pulseExecutor(pulses),
            Clock.systemUTC(),
            new MapViewFocus(map),
            () -> outbox,
            () -> backend,
            options.dataDir());
    var bridge =
        new FxBridge<CitySummary>(FxPlatform.pulseExecutor(pulses), state::summary, model::apply);
    workbench.onStateChange(bridge::changed);
    outboxBridge =
        new FxBridge<List<OutboxEntry>>(
            FxPlatform.pulseExecutor(pulses),
            () -> {
              ActionOutbox o = outbox;
              return o == null ? List.of() : o.entries();
            },
            model::applyOutbox);
    workbench.onStateChange(mapBridge::changed);
    mapLayers.onLoaded(mapBridge::changed);
    mapContentChanged = mapBridge::changed;
    var userBridge =
        new FxBridge<SignedInUser>(
            FxPlatform.pulseExecutor(pulses), state::user, workbench.userProperty()::set);
    workbench.onStateChange(userBridge::changed);
    CaseMapLink.connect(workbench, mapPane.interaction(), mapLayers);
    mapPane.interaction().setDescriber(this::describeOnMap);
    if (previous != null) {
      workbench.userProperty().set(previous.userProperty().get());
      workbench.scopeProperty().set(previous.scopeProperty().get());
      workbench.selectedIncidentIdProperty().set(previous.selectedIncidentIdProperty().get());
      map.viewportProperty().set(previousMap.viewportProperty().get());
      map.basemapProperty().set(previousMap.basemapProperty().get());
      map.contentProperty().set(previousMap.contentProperty().get());
    } else {
      workbench.userProperty().set(state.user());
    }
    var scope =
        new com.cityops.app.scope.ScopeController(
            workbench,
            gazetteer,
            area -> {
              mapLayers.setScope(area::contains);
              mapBridge.changed();
            });
    scopeController = scope;
    var scopeBar = new com.cityops.app.scope.ScopeBar(workbench, gazetteer, scope);
    var searchBox = new com.cityops.app.search.SearchBox(workbench, search, scope::top);
    var settings =
        new com.cityops.app.shell.SettingsMenu(
            messages, theme, language, this::switchTheme, this::switchLanguage, this::signOut);
    var watermark =
        new com.cityops.app.security.Watermark(
            workbench.userProperty(), options.user(), Instant::now, ShellViewModel.CITY_ZONE);
    ShellView view =
        new ShellView(model, workbench, Instant::now, mapPane.node())
            .queueSettingsIn(options.dataDir())
            .withChrome(
                new com.cityops.app.shell.ShellChrome(
                    searchBox.node(), scopeBar.node(), settings.node(), prefs, watermark::over));
    javafx.scene.Parent shellRoot = view.build();
    scene.setRoot(watermark.over(sessionLock == null ? shellRoot : sessionLock.guard(shellRoot)));
    com.cityops.app.security.Watermark previousWatermark = this.watermark;
    this.watermark = watermark;
    this.workbench = workbench;
    this.shell = view;
    this.map = map;
    this.searchBox = searchBox;
    this.scopeBar = scopeBar;
    if (stage != null) {
      stage.setTitle(messages.get("app.title") + " " + VersionInfo.version());
    }
    bridge.changed();
    outboxBridge.changed();
    userBridge.changed();
    mapBridge.changed();
    if (previous != null) {
      previous.dispose();
      previousShell.close();
      previousMap.close();
    }
    if (previousWatermark != null) {
      previousWatermark.close();
    }
  }

  private com.cityops.app.search.SearchBox searchBox;
  private com.cityops.app.wall.WallPanels wallPanels;
  private com.cityops.app.wall.WallDisplay wall;
  private com.cityops.app.wall.WallWindows wallWindows;
  private volatile com.cityops.app.wall.WallScenes wallScenes;
  private com.cityops.app.kiosk.Kiosk kiosk;
  private com.cityops.app.kiosk.KeepAwake keepAwake;
  private com.cityops.app.fx.FxWatchdog watchdog;
  private com.cityops.app.wall.WallScenePublisher wallPublisher;

  /**
   * {@code --wall}: instead of the workstation window, the wall's — one per screen — over the same
   * state, feed and map layers; with {@code --snapshot-dir} its pictures, then exit. FX thread.
   */
  private void openWall() {
    var layout = com.cityops.app.wall.WallLayoutReader.read(options.wall());
    var fx = FxPlatform.pulseExecutor(pulses);
    ShellViewModel model =
        new ShellViewModel(messages, options.user(), displayName(options.user()));
    firstModel = model;
    Workbench bench =
        new Workbench(
            messages,
            state,
            fx,
            Clock.systemUTC(),
            com.cityops.app.wall.WallPanels.NO_MAP_FOCUS,
            () -> outbox,
            () -> backend,
            options.dataDir());
    this.workbench = bench;
    wallPanels = new com.cityops.app.wall.WallPanels(bench, model, LOG::warn);
    var watermark =
        new com.cityops.app.security.Watermark(
            bench.userProperty(), options.user(), Instant::now, ShellViewModel.CITY_ZONE);
    this.watermark = watermark;
    wall =
        new com.cityops.app.wall.WallDisplay(
            layout, options.wallScreens(), wallPanels, watermark::over, System::nanoTime);
    startWallScenes(layout, fx, bench);
    FeedState[] feedBefore = {null};
    var summaries =
        new FxBridge<CitySummary>(
            fx,
            state::summary,
            summary -> {
              model.apply(summary);
              wall.apply(summary);
              FeedState now = summary.feed().state();
              if (now == FeedState.LIVE && feedBefore[0] != FeedState.LIVE) {
                wallScenes.feedLive();
              }
              feedBefore[0] = now;
            });
    bench.onStateChange(summaries::changed);
    var users = new FxBridge<SignedInUser>(fx, state::user, bench.userProperty()::set);
    bench.onStateChange(users::changed);
    outboxBridge =
        new FxBridge<List<OutboxEntry>>(fx, List::of, model::applyOutbox); // a wall acts not
    var content = new FxBridge<MapContent>(fx, mapLayers::content, wallPanels::showContent);
    bench.onStateChange(content::changed);
    mapLayers.onLoaded(content::changed);
    mapContentChanged = content::changed;
    bench.userProperty().set(state.user());
    var clock =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> model.tick(Instant.now())));
    clock.setCycleCount(javafx.animation.Animation.INDEFINITE);
    clock.play();
    model.tick(Instant.now());
    boolean snapshots = options.snapshotDir() != null;
    wallWindows = new com.cityops.app.wall.WallWindows(wall, this::dressWallScene, !snapshots);
    Stage firstScreen = wallWindows.stages().values().iterator().next();
    scene = firstScreen.getScene();
    firstScreen.setOnHidden(e -> close());
    if (kiosk != null && !snapshots) {
      wallWindows.stages().values().forEach(s -> kiosk.guard(s, false));
    }
    summaries.changed();
    users.changed();
    content.changed();
    io.execute(this::connect);
    io.execute(() -> loadBasemap(null, theme));
    if (snapshots) {
      new com.cityops.app.wall.WallSnapshots(
              wall, wallWindows, options.snapshotDir(), io, this::exit, this::snapshotFailed)
          .whenReady(this::wallNotLoaded, options.snapshotTimeout());
    }
  }

  /**
   * Watches the FX thread; in kiosk mode a thread stuck for {@link #FX_STUCK} ends the app with
   * exit code 70, and the kiosk service starts it again (a wall must not hang for days).
   */
  private void startWatchdog() {
    watchdog =
        new com.cityops.app.fx.FxWatchdog(
                FxPlatform.pulseExecutor(pulses),
                System::nanoTime,
                FX_STUCK,
                () -> {
                  if (options.kiosk()) {
                    LOG.error("kiosk: exiting with code 70 so that the service restarts the app");
                    Runtime.getRuntime().halt(70);
                  }
                })
            .start();
  }

  static final Duration FX_STUCK = Duration.ofSeconds(30);

  /**
   * The wall's scene between its PCs: a controller publishes what it shows through the backend, a
   * follower shows what its controller published.
   */
  private void startWallScenes(
      com.cityops.app.wall.WallLayout layout, java.util.concurrent.Executor fx, Workbench bench) {
    var role =
        com.cityops.app.wall.WallScenes.Role.valueOf(
            options.wallRole().toUpperCase(java.util.Locale.ROOT));
    var publisher =
        new com.cityops.app.wall.WallScenePublisher(
            scene -> {
              BackendClient client = backend;
              if (client == null) {
                throw new IllegalStateException("not connected to the backend yet");
              }
              return client.putWallScene(scene);
            },
            System::nanoTime);
    wallPublisher = publisher;
    var scenes =
        new com.cityops.app.wall.WallScenes(
            wall, wallPanels, role, publisher::offer, publisher::progress, fx, Clock.systemUTC());
    wallScenes = scenes;
    LOG.info(
        "wall '{}': this PC is its {}, driving {}",
        layout.id(),
        role.wireName(),
        wall.screens().stream().map(s -> s.id()).toList());
    if (role == com.cityops.app.wall.WallScenes.Role.FOLLOWER) {
      var followed =
          new FxBridge<com.cityops.api.WallScene>(
              fx, () -> state.wallScene(layout.id()), scenes::follow);
      bench.onStateChange(followed::changed);
      followed.changed();
    }
  }

  /** Theme, pulse meters and the mode commands (Ctrl+Alt+N 平时, Ctrl+Alt+E 战时) on each window. */
  private void dressWallScene(Scene wallScene) {
    Themes.apply(wallScene, theme);
    var keys = wallScene.getAccelerators();
    keys.put(
        javafx.scene.input.KeyCombination.keyCombination("Ctrl+Alt+N"),
        () -> wall.command(com.cityops.api.OperatingMode.NORMAL));
    keys.put(
        javafx.scene.input.KeyCombination.keyCombination("Ctrl+Alt+E"),
        () -> wall.command(com.cityops.api.OperatingMode.EMERGENCY));
    long[] pulseStart = new long[1];
    wallScene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
    wallScene.addPostLayoutPulseListener(
        () -> pulses.pulseEnded(System.nanoTime() - pulseStart[0]));
  }

  /** Why the live snapshot or the boundary layers are not in yet, or null once they are. */
  private String dataNotLoaded() {
    FeedState feedState = state.feedStatus().state();
    if (state.seq() < 0 || (feedState != FeedState.LIVE && feedState != FeedState.REPLAY)) {
      return "no live snapshot yet (feed " + feedState + ")";
    }
    var layers = state.layers();
    if (layers.isEmpty()
        || !mapLayersLoaded.containsAll(layers.stream().map(l -> l.id()).toList())) {
      return "boundary layers not loaded (" + mapLayersLoaded + " of " + layers.size() + ")";
    }
    return null;
  }

  /** Why the wall is not yet fully loaded for {@code --snapshot-dir}, or null once it is. */
  private String wallNotLoaded() {
    String data = dataNotLoaded();
    if (data != null) {
      return data;
    }
    if (!"none".equalsIgnoreCase(options.basemap()) && wallPanels.basemap() == null) {
      return basemapFailure != null ? basemapFailure : "basemap not opened yet";
    }
    if (!wall.settled()) {
      return "wall maps not drawn yet";
    }
    return null;
  }

  private Runnable mapContentChanged = () -> {};
  private com.cityops.app.scope.ScopeBar scopeBar;

  /** Switches the theme at once: stylesheets now, the basemap as soon as it is opened. */
  private void switchTheme(Theme chosen) {
    if (chosen == theme) {
      return;
    }
    theme = chosen;
    Themes.apply(scene, chosen);
    prefs.update(p -> p.withTheme(chosen.name().toLowerCase().replace('_', '-')));
    MapView shown = map;
    if (closed.get()) {
      return;
    }
    if (options.mapStyle() == null) {
      io.execute(
          () -> {
            StyleFile style = mapStyle(options, chosen);
            FxPlatform.pulseExecutor(pulses)
                .execute(
                    () -> {
                      mapLayers.setStyle(style);
                      mapContentChanged.run();
                    });
          });
    }
    if (options.basemap() == null) {
      io.execute(() -> loadBasemap(shown, chosen));
    }
  }

  /** Switches the language: the window's content is rebuilt with the new messages. */
  private void switchLanguage(String tag) {
    if (tag.equals(language)) {
      return;
    }
    language = tag;
    messages = Messages.forLanguage(tag);
    if (sessionLock != null) {
      sessionLock.setMessages(messages);
    }
    prefs.update(p -> p.withLanguage(tag));
    buildWindow();
  }

  /** Why the app is not yet fully loaded for {@code --snapshot}, or null once it is. */
  private String notFullyLoaded() {
    String data = dataNotLoaded();
    if (data != null) {
      return data;
    }
    if (cityBounds() == null) {
      return "boundary layers not drawn yet";
    }
    if (!"none".equalsIgnoreCase(options.basemap()) && map.basemapProperty().get() == null) {
      return basemapFailure != null ? basemapFailure : "basemap not opened yet";
    }
    if (!map.isSettled()) {
      return "map not settled (drawing, or basemap tiles still loading)";
    }
    return null;
  }

  private void snapshotFailed(String reason) {
    String what =
        options.snapshot() != null ? "--snapshot " + options.snapshot() : "--snapshot-dir";
    LOG.error("{}: {}", what, reason);
    System.err.println("cityops: " + what + " failed: " + reason);
    close();
    Thread exit = new Thread(() -> System.exit(3), "cityops-exit");
    exit.start();
  }

  /** The workbench of the window shown now (tests). */
  Workbench workbench() {
    return workbench;
  }

  com.cityops.app.search.SearchBox searchBox() {
    return searchBox;
  }

  /** What the one-box search answers now for this window's operator (tests; caller's thread). */
  List<com.cityops.app.search.SearchHit> searchBoxHitsNow(String query) {
    var scope = scopeController;
    return search.searchNow(
        query, scope == null ? com.cityops.app.shell.AreaScope.CITY : scope.top());
  }

  com.cityops.app.scope.ScopeBar scopeBar() {
    return scopeBar;
  }

  com.cityops.app.search.Gazetteer gazetteer() {
    return gazetteer;
  }

  MapView map() {
    return map;
  }

  void switchThemeForTest(Theme chosen) {
    switchTheme(chosen);
  }

  void switchLanguageForTest(String tag) {
    switchLanguage(tag);
  }

  /**
   * Opens the basemap (io thread: files, maybe a TileJSON over the network) and hands it to the
   * map; a style that cannot be read is logged and the map shows the theme's plain background.
   */
  private void loadBasemap(MapView map, Theme theme) {
    String ref = options.basemap();
    if ("none".equalsIgnoreCase(ref)) {
      return;
    }
    try {
      java.nio.file.Path cacheDir = options.cacheDir();
      if (ref == null) {
        ref =
            com.cityops.app.map.BundledBasemap.install(cacheDir.resolve("basemap"), theme)
                .toString();
      }
      var located =
          com.cityops.map.basemap.BasemapSources.locate(
              ref, new okhttp3.OkHttpClient(), cacheDir.resolve("tiles"));
      var opened =
          com.cityops.map.basemap.Basemap.open(
              located.style().withoutLayers(CityMapLayers.LABELLED_HERE),
              located.sources(),
              new com.cityops.map.raster.PlanRasterizer(
                  com.cityops.map.raster.MapFonts.preferredFamily(), LOG::warn),
              new com.cityops.map.basemap.BasemapProblems(LOG::warn, LOG::info, System::nanoTime));
      var before = basemap;
      basemap = opened;
      if (closed.get()) {
        opened.close();
        return;
      }
      FxPlatform.pulseExecutor(pulses)
          .execute(
              () -> {
                MapView shown = this.map;
                if (shown != null) {
                  shown.basemapProperty().set(opened);
                }
                if (wallPanels != null) {
                  wallPanels.setBasemap(opened);
                }
                if (before != null && before != opened) {
                  before.close(); // the previous theme's basemap, now shown nowhere
                }
              });
    } catch (RuntimeException e) {
      String reason =
          "basemap " + (ref == null ? "(bundled)" : ref) + " not shown: " + e.getMessage();
      LOG.warn(reason);
      basemapFailure = reason;
      FxPlatform.pulseExecutor(pulses)
          .execute(
              () -> {
                if (map != null) {
                  map.basemapFailed(reason);
                }
              });
    }
  }

  private volatile com.cityops.map.basemap.Basemap basemap;

  /** Shows new map content; the first time the districts arrive, fits the city in view. */
  private void show(MapView map, MapContent content, boolean fitWhenDistrictsArrive) {
    boolean first =
        fitWhenDistrictsArrive
            && map.contentProperty().get().layers().stream()
                .noneMatch(l -> l.id().equals("districts"));
    map.contentProperty().set(content);
    map.liveLayersChanged(); // open cases may have moved on inside the same content
    content.layers().stream()
        .filter(l -> l.id().equals("districts") && first)
        .findFirst()
        .ifPresent(l -> map.fit(l.source().bounds(), 16));
  }

  /** The districts' extent, for "whole city", or null before they arrived. */
  private org.locationtech.jts.geom.Envelope cityBounds() {
    return map.contentProperty().get().layers().stream()
        .filter(l -> l.id().equals("districts"))
        .map(l -> l.source().bounds())
        .findFirst()
        .orElse(null);
  }

  /** A case's callout in the operator's words; other features show their attributes. */
  private List<String> describeOnMap(MapSelection selection) {
    var f = selection.feature();
    if (selection.layerId().startsWith("incident")) {
      return List.of(
          f.text("title"),
          messages.get("level." + f.text("level")) + " · " + f.text("category"),
          f.text("code"));
    }
    String name = f.text("name");
    return name == null
        ? List.of(f.id())
        : List.of(name, f.text("code") == null ? f.id() : f.text("code"));
  }

  /** Fetches the backend's boundary layers once signed in (io thread; retried until done). */
  private void loadMapLayers() {
    BackendClient client = backend;
    if (client == null || state.feedStatus().state() != FeedState.LIVE) {
      return;
    }
    for (var layer : state.layers()) {
      if (mapLayersLoaded.contains(layer.id())) {
        continue;
      }
      try {
        var features = client.features(layer.id());
        mapLayers.loadBase(layer.id(), layer.name(), features, layer.attribution());
        // a wall has no search box: its places and pinyin keys would cost its PC for nothing
        if (options.wall() == null && gazetteer.add(layer.id(), features) > 0) {
          FxPlatform.pulseExecutor(pulses)
              .execute(
                  () -> {
                    var scope = scopeController;
                    if (scope != null) {
                      scope.placesChanged();
                    }
                  });
          search.warmUp();
        }
        mapLayersLoaded.add(layer.id());
      } catch (RuntimeException e) {
        LOG.warn("map layer {} not loaded yet: {}", layer.id(), e.getMessage());
        return;
      }
    }
  }

  private void connect() {
    cache
        .load()
        .ifPresent(
            cached -> {
              state.loadCached(cached.state(), cached.savedAt());
              LOG.info(
                  "showing the offline cache saved at {} ({} cases) until the backend answers",
                  cached.savedAt(),
                  cached.state().incidents().size());
            });
    startStatusEndpoint();
    mapLayers.loadConfigured(
        options.mapStyle() == null ? null : options.mapStyle().toAbsolutePath().getParent(),
        problem -> LOG.warn("{}", problem));
    if (options.replay() != null) {
      ReplayFeed player = new ReplayFeed(options.replay(), state, options.replaySpeed());
      replay = player;
      player.start();
      return;
    }
    io.scheduleWithFixedDelay(
        this::saveCache, CACHE_EVERY.toSeconds(), CACHE_EVERY.toSeconds(), TimeUnit.SECONDS);
    try {
      String server = options.server();
      if (demoBackend != null) {
        try {
          embedded = demoBackend.join();
        } catch (java.util.concurrent.CompletionException e) {
          throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        server = embedded.baseUrl();
      }
      BackendClient backend = new BackendClient(server, options.transport());
      this.backend = backend;
      io.scheduleWithFixedDelay(this::loadMapLayers, 1, 1, TimeUnit.SECONDS);
      io.scheduleWithFixedDelay(mapLayers::refreshDevices, 2, 5, TimeUnit.SECONDS);
      outbox = new ActionOutbox(options.dataDir(), backend, Clock.systemUTC());
      outbox.onChange(entries -> outboxBridge.changed());
      outboxBridge.changed();
      resendWhenLive(outbox);
      auditSignIns(backend.baseUrl());
      shipAuditWhenLive(new AuditShipper(options.dataDir(), backend::shipAudit));
      signOn = signOn(backend);
      LiveFeed started =
          new LiveFeed(
              backend, state, signOn, Clock.systemUTC(), LiveFeed.SILENCE_ALLOWED, new Random());
      feed = started;
      if (options.record() != null) {
        recorder = new FeedRecorder(options.record(), Clock.systemUTC());
        started.recordTo(recorder);
      }
      started.start();
    } catch (RuntimeException e) {
      LOG.error("cannot start: {}", e.getMessage(), e);
      state.setFeedStatus(
          new com.cityops.app.feed.FeedStatus(
              FeedState.OFFLINE, null, String.valueOf(options.server()), e.getMessage()));
    }
  }

  /**
   * Under single sign-on the seat unlocks by signing on again at the provider, as the same person.
   */
  private UnlockMethod signOnAgainToUnlock() {
    return UnlockMethod.signOnAgain(
        () -> {
          SignOn current = signOn;
          BackendClient client = backend;
          if (current instanceof OidcSignOn sso && client != null) {
            return sso.confirmSamePerson(client);
          }
          return CompletableFuture.completedFuture(
              new UnlockMethod.Result(
                  UnlockMethod.Outcome.FAILED, "not signed on yet; wait for the connection"));
        });
  }

  /** A password, or single sign-on with its tokens encrypted in the user's data folder. */
  private SignOn signOn(BackendClient backend) {
    String issuer = options.ssoIssuer();
    if (issuer == null) {
      return SignOn.password(options.user(), options.password());
    }
    String at =
        AppOptions.SSO_AT_BACKEND.equals(issuer) ? backend.baseUrl().replaceAll("/$", "") : issuer;
    return new OidcSignOn(
        java.net.URI.create(at),
        options.ssoClientId(),
        Browser.system(),
        TokenStores.choose(options.dataDir(), options.keychain()),
        Clock.systemUTC());
  }

  /**
   * Sign-out: the tokens are revoked and forgotten, the offline copy of the city (it may hold
   * personal data the role could see) is deleted, and the app closes. Unsent actions stay in the
   * outbox: they are the centre's work, sent at the next sign-in.
   */
  void signOut() {
    signedOut = true;
    SignOn held = signOn;
    BackendClient client = backend;
    io.execute(
        () -> {
          try {
            if (held != null && client != null) {
              held.signOut(client);
            }
            java.nio.file.Files.deleteIfExists(cache.file());
            LOG.info("signed out: tokens revoked and forgotten, offline copy deleted");
          } catch (java.io.IOException | RuntimeException e) {
            LOG.error("sign-out did not clear everything: {}", e.getMessage(), e);
          }
          FxPlatform.exit();
        });
  }

  private String displayName(String user) {
    String key = "role." + user;
    String name = messages.get(key);
    return name.startsWith("⟦") ? user : name;
  }

  /** The state the views show (for tests). */
  CityState state() {
    return state;
  }

  Stage stage() {
    return stage;
  }

  private void exit() {
    close();
    FxPlatform.exit();
  }

  /** Stops the feed and the embedded backend; safe to call more than once. */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    MapView shown = map;
    if (shown != null) {
      shown.close();
    }
    ShellView view = shell;
    if (view != null) {
      view.close();
    }
    if (sessionLock != null) {
      sessionLock.close();
    }
    if (watermark != null) {
      watermark.close();
    }
    var wallShown = wall;
    var wallScreens = wallWindows;
    if (wallShown != null) {
      // nodes and windows: on the FX thread, whoever closes
      FxPlatform.pulseExecutor(pulses)
          .execute(
              () -> {
                var scenes = wallScenes;
                if (scenes != null) {
                  scenes.close();
                }
                wallScreens.close();
                wallShown.close();
              });
      if (wallPublisher != null) {
        wallPublisher.close();
      }
    }
    if (kiosk != null) {
      var guard = kiosk;
      FxPlatform.pulseExecutor(pulses).execute(guard::close);
    }
    if (keepAwake != null) {
      keepAwake.close();
    }
    if (watchdog != null) {
      watchdog.close();
    }
    search.close();
    var under = basemap;
    if (under != null) {
      under.close();
    }
    CompletableFuture.runAsync(
            () -> {
              saveCache();
              prefs.close();
              StatusServer st = statusServer;
              if (st != null) {
                st.close();
              }
              ActionOutbox o = outbox;
              if (o != null) {
                o.close();
              }
              AuditShipper a = auditShipper;
              if (a != null) {
                a.close();
              }
              LiveFeed f = feed;
              if (f != null) {
                f.close();
              }
              if (signOn instanceof AutoCloseable sso) {
                try {
                  sso.close();
                } catch (Exception e) {
                  LOG.warn("closing the sign-on failed", e);
                }
              }
              ReplayFeed r = replay;
              if (r != null) {
                r.close();
              }
              FeedRecorder rec = recorder;
              if (rec != null) {
                rec.close();
              }
              if (demoBackend != null) {
                demoBackend.thenAccept(SimServer::close);
              }
            },
            io)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                LOG.warn("closing failed", failure);
              }
              io.shutdown();
            });
  }

  /** The FX pulse figures (the status endpoint shows them; the frame-time benchmark reads each). */
  public PulseStats pulseStats() {
    return pulses;
  }

  /**
   * Sends what the outbox holds as soon as the feed is live again, instead of at the end of its
   * retry backoff: actions queued during an outage reach the backend with the first connection.
   */
  private void resendWhenLive(ActionOutbox actions) {
    java.util.concurrent.atomic.AtomicBoolean wasLive =
        new java.util.concurrent.atomic.AtomicBoolean();
    state.onChange(
        () -> {
          boolean live = state.feedStatus().state() == FeedState.LIVE;
          if (live != wasLive.getAndSet(live) && live && actions.pendingCount() > 0) {
            actions.kick();
          }
        });
  }

  /**
   * Ships the audit log every {@link #AUDIT_EVERY} and at once when the feed comes back, so records
   * of an outage reach the backend with the first connection.
   */
  private void shipAuditWhenLive(AuditShipper shipper) {
    auditShipper = shipper;
    shipper.start(AUDIT_EVERY.toSeconds());
    java.util.concurrent.atomic.AtomicBoolean wasLive =
        new java.util.concurrent.atomic.AtomicBoolean();
    state.onChange(
        () -> {
          boolean live = state.feedStatus().state() == FeedState.LIVE;
          if (live != wasLive.getAndSet(live) && live) {
            shipper.kick();
          }
        });
  }

  /**
   * Records each sign-in (the first, and each one under another name or role) in the audit trail,
   * on the io thread; a failed write is logged as an error — the session goes on, the gap shows.
   */
  private void auditSignIns(String server) {
    var trail = new com.cityops.app.security.AuditTrail(options.dataDir());
    var seen = new java.util.concurrent.atomic.AtomicReference<SignedInUser>();
    state.onChange(
        () -> {
          SignedInUser now = state.user();
          if (now != null && !now.equals(seen.getAndSet(now))) {
            Instant at = Instant.now();
            io.execute(
                () -> {
                  try {
                    trail.append(
                        at,
                        now.username(),
                        "sign-in",
                        Map.of("server", server, "role", now.role().name().toLowerCase()));
                  } catch (java.io.UncheckedIOException e) {
                    LOG.error("audit: the sign-in of {} was not recorded", now.username(), e);
                  }
                });
          }
        });
  }

  /** The wall's picture under {@code --wall}, else null (tests). */
  com.cityops.app.wall.WallDisplay wallDisplay() {
    return wall;
  }

  /** What the window's watermark says now (tests). */
  String watermarkText() {
    return watermark == null ? null : watermark.text();
  }

  /** Test seam: start against a given backend URL without the picocli front. */
  static CityOpsApp startForTest(AppOptions options, Stage window) {
    CityOpsApp app = new CityOpsApp(options, null);
    app.open(window);
    return app;
  }
}
