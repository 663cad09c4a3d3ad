package com.cityops.sim;

import com.cityops.sim.clock.SimClock;
import com.cityops.sim.http.ApiServer;
import com.cityops.sim.http.TileFaults;
import com.cityops.sim.tiles.TilePacks;
import com.cityops.sim.world.CityWorld;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference backend, in-process: the simulated city, its clock and the HTTP + WebSocket API.
 * {@link #start} returns once the port is bound; {@link #close} stops everything it started. The
 * app embeds it for {@code --demo}; tests start it on an ephemeral port. Thread-safe.
 */
public final class SimServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
  private static final long TICK_MS = 50;

  private final SimConfig config;
  private final CityWorld world;
  private final SimClock cityClock;
  private final ApiServer api;
  private final TilePacks tiles;
  private final ScheduledExecutorService ticker;
  private long loadNanos;
  private double loadCarry;

  private SimServer(SimConfig requested) {
    SimConfig config = DataDirSeed.reconcile(requested);
    this.config = config;
    Instant start =
        config.start() != null
            ? config.start()
            : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    // Opened first: a tile pack that cannot be read stops the start before the city is built
    this.tiles = TilePacks.forConfig(config.tilesDir());
    try {
      this.world = CityWorld.create(config, start);
    } catch (RuntimeException e) {
      tiles.close();
      throw e;
    }
    this.cityClock = SimClock.realTime(world.cityTime(), config.speed());
    this.api =
        new ApiServer(
            world,
            config.passwords(),
            config.dataDir(),
            Clock.systemUTC(),
            version(),
            config.tls(),
            tiles,
            config.tileMaxAge(),
            config.ssoTokenLifetime());
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-clock");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Builds the city (or resumes it from the data directory), binds the port and starts the clock.
   */
  public static SimServer start(SimConfig config) {
    SimServer server = new SimServer(config);
    try {
      server.api.start(config.host(), config.port());
    } catch (RuntimeException e) {
      server.world.close();
      server.tiles.close();
      throw e;
    }
    server.loadNanos = System.nanoTime();
    server.ticker.scheduleAtFixedRate(server::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    long heartbeatMs = Math.max(10, config.heartbeat().toMillis());
    server.ticker.scheduleAtFixedRate(
        server.safely("heartbeat", () -> server.world.heartbeat(Instant.now())),
        heartbeatMs,
        heartbeatMs,
        TimeUnit.MILLISECONDS);
    long canaryMs = Math.max(10, config.canary().toMillis());
    server.ticker.scheduleAtFixedRate(
        server.safely("canary", () -> server.world.canary(Instant.now(), config.canary())),
        canaryMs,
        canaryMs,
        TimeUnit.MILLISECONDS);
    LOG.info(
        "CityOps reference backend on {} (seed {}, speed {}x, scenario {}; tiles: {})",
        server.baseUrl(),
        config.seed(),
        config.speed(),
        config.scenario().wireName(),
        server.tiles);
    return server;
  }

  private void tick() {
    try {
      world.advanceTo(cityClock.now());
      if (config.rate() > 0) {
        long now = System.nanoTime();
        loadCarry += config.rate() * (now - loadNanos) / 1e9;
        loadNanos = now;
        int n = (int) loadCarry;
        loadCarry -= n;
        if (n > 0) {
          world.addLoad(n);
        }
      }
    } catch (RuntimeException e) {
      // The clock must keep running: a failed step is logged and the next tick tries again.
      LOG.error("simulation step failed", e);
    }
  }

  /** A periodic task that logs a failure instead of silently ending its schedule. */
  private Runnable safely(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", what, e);
      }
    };
  }

  public int port() {
    return api.port();
  }

  /** Where clients reach it, e.g. {@code https://127.0.0.1:8443}. */
  public String baseUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return api.scheme() + "://" + host + ":" + port();
  }

  public CityWorld world() {
    return world;
  }

  /**
   * The tile endpoint's faults and request counts: tests make tiles fail on purpose and see how
   * often each was asked for. In process only; nothing over HTTP reaches it.
   */
  public TileFaults tileFaults() {
    return api.tileFaults();
  }

  public static String version() {
    String v = SimServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public void close() {
    int port = port();
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    world.close();
    api.stop();
    tiles.close(); // after the server stopped, so no request reads a closed pack
    LOG.info("reference backend on port {} stopped", port);
  }

  /** For tests: how long {@code d} of city time takes at this server's speed. */
  public Duration realTimeFor(Duration d) {
    return cityClock.realTimeFor(d);
  }
}
