package com.cityops.bench;

import com.cityops.map.geo.TileId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XYZ tile server on the loopback interface (JDK {@code HttpServer}, in process, ephemeral port)
 * serving PNG tiles prepared before the measurement from memory: {@code GET /Z/X/Y.png} is 200
 * {@code image/png} with the bytes, 404 for a tile it does not hold. No caching headers, so no
 * client may skip a request. Counts requests, so a run can show that two clients fetched the same
 * tiles. Both candidates of the raster comparison use this one server, in turn.
 *
 * <p>Thread-safe; {@link #close} stops it.
 */
final class LoopbackTileServer implements AutoCloseable {
  private static final Pattern PATH = Pattern.compile("/(\\d+)/(\\d+)/(\\d+)\\.png");

  private final Map<TileId, byte[]> tiles;
  private final HttpServer server;
  private final ExecutorService workers;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<TileId> asked = ConcurrentHashMap.newKeySet();

  /**
   * @param tiles the PNG bytes per tile
   * @param threads the server's worker threads
   */
  LoopbackTileServer(Map<TileId, byte[]> tiles, int threads) throws IOException {
    this.tiles = Map.copyOf(tiles);
    // Without it the JDK server leaves Nagle on: headers and body go out in two writes, and a
    // client's delayed ACK can hold the body for tens of milliseconds.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-tile-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The XYZ URL template, e.g. {@code http://127.0.0.1:PORT/{z}/{x}/{y}.png}. */
  String template() {
    return base() + "/{z}/{x}/{y}.png";
  }

  /** {@code http://127.0.0.1:PORT}. */
  String base() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** Requests since the last {@link #reset}. */
  int requests() {
    return requests.get();
  }

  /** The distinct tiles asked for since the last {@link #reset}. */
  Set<TileId> asked() {
    return Set.copyOf(asked);
  }

  void reset() {
    requests.set(0);
    asked.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
      byte[] body = null;
      if (m.matches()) {
        TileId id =
            new TileId(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        requests.incrementAndGet();
        asked.add(id);
        body = tiles.get(id);
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "image/png");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
