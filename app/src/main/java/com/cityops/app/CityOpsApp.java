package com.cityops.app;

import com.cityops.app.cache.OfflineCache;
import com.cityops.app.cli.AppOptions;
import com.cityops.app.cli.VersionInfo;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
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
import com.cityops.app.shell.ShellView;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.app.shell.Workbench;
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
  private final Messages messages;
  private final CityState state = new CityState();
  private final ScheduledExecutorService io =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cityops-io-1");
            t.setDaemon(true);
            return t;
          });
  private static final Duration CACHE_EVERY = Duration.ofSeconds(30);
  private final OfflineCache cache;
  private long savedChanges = -1;
  private volatile SimServer embedded;
  private volatile LiveFeed feed;
  private volatile ActionOutbox outbox;
  private volatile ReplayFeed replay;
  private volatile FeedRecorder recorder;
  private volatile StatusServer statusServer;
  private final PulseStats pulses = new PulseStats();
  private final CityMapLayers mapLayers;
  private final java.util.Set<String> mapLayersLoaded =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile BackendClient backend;
  private volatile FxBridge<List<OutboxEntry>> outboxBridge;
  private Workbench workbench;
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
    this.messages = Messages.forLanguage(options.language());
    this.cache = new OfflineCache(options.dataDir());
    this.mapLayers = new CityMapLayers(state, mapStyle(options));
  }

  /** The layer style: the operator's file, else the theme's bundled one. Fails loud when broken. */
  private static StyleFile mapStyle(AppOptions options) {
    StyleFile style;
    if (options.mapStyle() != null) {
      style = StyleFile.read(options.mapStyle());
    } else {
      try (java.io.InputStream in = Themes.mapStyle(Theme.parse(options.theme())).openStream()) {
        style =
            StyleFile.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the bundled map style", e);
      }
    }
    style.warnings().forEach(w -> LOG.warn("map style: {}", w));
    return style;
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
              pulses,
              Clock.systemUTC());
      statusServer =
          StatusServer.start(
              java.net.InetAddress.getByName(options.statusAddress()),
              options.statusPort(),
              reporter);
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
    ShellViewModel model =
        new ShellViewModel(messages, options.user(), displayName(options.user()));
    var bridge =
        new FxBridge<CitySummary>(FxPlatform.pulseExecutor(pulses), state::summary, model::apply);
    state.onChange(bridge::changed);
    outboxBridge =
        new FxBridge<List<OutboxEntry>>(
            FxPlatform.pulseExecutor(pulses),
            () -> {
              ActionOutbox o = outbox;
              return o == null ? List.of() : o.entries();
            },
            model::applyOutbox);
    MapView map = new MapView(FxPlatform.pulseExecutor(pulses), LOG::warn);
    this.map = map;
    map.setId("city-map");
    var mapBridge =
        new FxBridge<MapContent>(
            FxPlatform.pulseExecutor(pulses), mapLayers::content, content -> show(map, content));
    state.onChange(mapBridge::changed);
    mapLayers.onLoaded(mapBridge::changed);
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
    var userBridge =
        new FxBridge<SignedInUser>(
            FxPlatform.pulseExecutor(pulses), state::user, workbench.userProperty()::set);
    workbench.onStateChange(userBridge::changed);
    CaseMapLink.connect(workbench, mapPane.interaction(), mapLayers);
    this.workbench = workbench;
    mapPane.interaction().setDescriber(this::describeOnMap);
    Scene scene =
        new Scene(
            new ShellView(model, workbench, Instant::now, mapPane.node())
                .queueSettingsIn(options.dataDir())
                .build(),
            options.width(),
            options.height());
    Themes.apply(scene, Theme.parse(options.theme()));
    long[] pulseStart = new long[1];
    scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
    scene.addPostLayoutPulseListener(() -> pulses.pulseEnded(System.nanoTime() - pulseStart[0]));
    window.setTitle(messages.get("app.title") + " " + VersionInfo.version());
    window.setScene(scene);
    window.setOnHidden(e -> close());
    window.show();
    io.execute(this::connect);
    // After connecting (same thread): drawing basemap tiles would compete with the first data.
    io.execute(() -> loadBasemap(map));
    if (options.screenshot() != null) {
      var screenshot =
          new ScreenshotOnLive(
              scene, options.screenshot(), options.screenshotDelay(), io, this::exit);
      screenshot.watch(model.feedStateProperty(), FeedState.LIVE);
      screenshot.watch(model.staleProperty(), Boolean.TRUE);
      screenshot.watch(model.feedStateProperty(), FeedState.REPLAY);
    }
  }

  /**
   * Opens the basemap (io thread: files, maybe a TileJSON over the network) and hands it to the
   * map; a style that cannot be read is logged and the map shows the theme's plain background.
   */
  private void loadBasemap(MapView map) {
    String ref = options.basemap();
    if ("none".equalsIgnoreCase(ref)) {
      return;
    }
    try {
      java.nio.file.Path cacheDir = options.cacheDir();
      if (ref == null) {
        ref =
            com.cityops.app.map.BundledBasemap.install(
                    cacheDir.resolve("basemap"), Theme.parse(options.theme()))
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
      basemap = opened;
      if (closed.get()) {
        opened.close();
        return;
      }
      FxPlatform.pulseExecutor(pulses).execute(() -> map.basemapProperty().set(opened));
    } catch (RuntimeException e) {
      String reason =
          "basemap " + (ref == null ? "(bundled)" : ref) + " not shown: " + e.getMessage();
      LOG.warn(reason);
      FxPlatform.pulseExecutor(pulses).execute(() -> map.basemapFailed(reason));
    }
  }

  private volatile com.cityops.map.basemap.Basemap basemap;

  /** Shows new map content; the first time the districts arrive, fits the city in view. */
  private void show(MapView map, MapContent content) {
    boolean first =
        map.contentProperty().get().layers().stream().noneMatch(l -> l.id().equals("districts"));
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
        mapLayers.loadBase(
            layer.id(), layer.name(), client.features(layer.id()), layer.attribution());
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
      LiveFeed started =
          new LiveFeed(
              backend,
              state,
              options.user(),
              options.password(),
              Clock.systemUTC(),
              Duration.ofSeconds(15),
              new Random());
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
    var under = basemap;
    if (under != null) {
      under.close();
    }
    CompletableFuture.runAsync(
            () -> {
              saveCache();
              StatusServer st = statusServer;
              if (st != null) {
                st.close();
              }
              ActionOutbox o = outbox;
              if (o != null) {
                o.close();
              }
              LiveFeed f = feed;
              if (f != null) {
                f.close();
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

  /** Test seam: start against a given backend URL without the picocli front. */
  /** The window's shared workbench (tests select cases through it). */
  Workbench workbench() {
    return workbench;
  }

  static CityOpsApp startForTest(AppOptions options, Stage window) {
    CityOpsApp app = new CityOpsApp(options, null);
    app.open(window);
    return app;
  }
}
