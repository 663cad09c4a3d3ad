package com.cityops.app.status;

import com.cityops.api.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code --status-port P}: a small HTTP endpoint, on loopback unless told otherwise, through which
 * unattended walls are watched: {@code GET /status} (JSON) and {@code GET /metrics} (Prometheus
 * text format 0.0.4). With a control token, a wall can also be steered: {@code POST
 * /control/mode|view|page|freeze} with {@code Authorization: Bearer <token>} (see {@link
 * WallControl}); without one those paths answer 404. Uses the JDK's HTTP server: no dependency for
 * a handful of routes.
 *
 * <p>Thread-safe; serves on its own {@code cityops-status} threads.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2, // a control command waits for the FX thread; /status must still answer meanwhile
          com.cityops.app.platform.DaemonThreads.named("cityops-status"));
  private final Supplier<StatusSnapshot> status;

  private StatusServer(HttpServer server, Supplier<StatusSnapshot> status) {
    this.server = server;
    this.status = status;
  }

  public static StatusServer start(InetAddress address, int port, Supplier<StatusSnapshot> status)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 16);
    StatusServer server = new StatusServer(http, status);
    http.createContext(
        "/status",
        exchange -> server.answer(exchange, "application/json", Json.write(status.get())));
    http.createContext(
        "/metrics",
        exchange -> server.answer(exchange, "text/plain; version=0.0.4", prometheus(status.get())));
    http.setExecutor(server.executor);
    http.start();
    return server;
  }

  /** Largest control request body read. */
  static final int MAX_CONTROL_BODY = 4096;

  /** How long a control command may wait for the wall to carry it out. */
  static final long CONTROL_WAIT_SECONDS = 5;

  /**
   * Opens the control API: {@code token} is the secret a caller must present, {@code control} the
   * wall it steers.
   */
  public StatusServer withControl(String token, WallControl control) {
    if (token == null || token.length() < 16) {
      throw new IllegalArgumentException(
          "the control token must be at least 16 characters (e.g. openssl rand -hex 24)");
    }
    byte[] expected = token.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/control/",
        exchange -> {
          try (exchange) {
            control(exchange, expected, control);
          }
        });
    return this;
  }

  private void control(HttpExchange exchange, byte[] expected, WallControl control)
      throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      reply(exchange, 405, "{\"problem\":\"use POST\"}");
      return;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] given =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!java.security.MessageDigest.isEqual(expected, given)) {
      org.slf4j.LoggerFactory.getLogger(StatusServer.class)
          .warn(
              "control request {} from {} refused: wrong or no bearer token",
              exchange.getRequestURI().getPath(),
              exchange.getRemoteAddress());
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"cityops-wall\"");
      reply(exchange, 401, "{\"problem\":\"send Authorization: Bearer <the control token>\"}");
      return;
    }
    byte[] body = exchange.getRequestBody().readNBytes(MAX_CONTROL_BODY + 1);
    if (body.length > MAX_CONTROL_BODY) {
      reply(exchange, 413, "{\"problem\":\"a control request is at most 4 KiB\"}");
      return;
    }
    WallControl.Command command;
    try {
      command =
          Json.read(
              body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8),
              WallControl.Command.class);
    } catch (RuntimeException e) {
      reply(exchange, 400, problem("not a control command: " + e.getMessage()));
      return;
    }
    java.util.concurrent.CompletionStage<String> done =
        switch (exchange.getRequestURI().getPath()) {
          case "/control/mode" -> control.switchMode(command);
          case "/control/view" -> control.setView(command);
          case "/control/page" -> control.setPage(command);
          case "/control/freeze" -> control.freeze(command);
          default -> null;
        };
    if (done == null) {
      reply(
          exchange,
          404,
          problem(
              "no control "
                  + exchange.getRequestURI().getPath()
                  + "; there are /control/mode, /control/view, /control/page and /control/freeze"));
      return;
    }
    String refused;
    try {
      refused =
          done.toCompletableFuture()
              .get(CONTROL_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      reply(exchange, 503, problem("the wall did not carry the command out within 5 s"));
      return;
    } catch (java.util.concurrent.ExecutionException e) {
      reply(exchange, 500, problem("the command failed: " + e.getCause()));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 503, problem("interrupted"));
      return;
    }
    if (refused != null) {
      reply(exchange, 409, problem(refused));
    } else {
      reply(exchange, 200, "{\"done\":true}");
    }
  }

  private static String problem(String why) {
    return Json.write(java.util.Map.of("problem", why));
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, String type, String body) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String prometheus(StatusSnapshot s) {
    StringBuilder out = new StringBuilder();
    gauge(
        out, "cityops_feed_live", "1 when the feed is live", "LIVE".equals(s.feedState()) ? 1 : 0);
    gauge(out, "cityops_feed_seq", "stream seq of the newest applied event", s.seq());
    gauge(
        out,
        "cityops_data_age_seconds",
        "seconds since the backend was last heard from (-1: never)",
        s.dataAgeSeconds());
    gauge(
        out,
        "cityops_events_per_second",
        "stream events applied per second, recent",
        s.eventsPerSecond());
    counter(
        out,
        "cityops_events_applied_total",
        "stream events applied since start",
        s.eventsApplied());
    counter(
        out,
        "cityops_stream_bad_messages_total",
        "stream messages that could not be read",
        s.badMessages());
    counter(
        out,
        "cityops_stream_unknown_messages_total",
        "stream messages of types this client does not know",
        s.unknownMessages());
    counter(
        out,
        "cityops_stream_refused_messages_total",
        "stream messages refused for impossible values or size, stepped over",
        s.refusedMessages());
    gauge(out, "cityops_incidents_held", "cases held", s.incidents());
    gauge(out, "cityops_indicators_held", "indicators held", s.indicators());
    gauge(
        out,
        "cityops_indicators_delayed",
        "indicators whose newest value is late but recent",
        s.indicatorsDelayed());
    gauge(
        out,
        "cityops_indicators_stale",
        "indicators whose newest value is too old to act on",
        s.indicatorsStale());
    gauge(out, "cityops_devices_held", "devices held", s.devices());
    gauge(out, "cityops_outbox_pending", "operator actions not yet confirmed", s.outboxPending());
    gauge(out, "cityops_audit_waiting", "audit records not shipped yet", s.auditWaiting());
    gauge(
        out,
        "cityops_audit_chain_broken",
        "1 when the local audit log breaks its hash chain (not shipped from there)",
        s.auditProblem() == null ? 0 : 1);
    gauge(
        out,
        "cityops_canary_alarm",
        "1 while the end-to-end test signal is late",
        s.canaryAlarm() ? 1 : 0);
    gauge(
        out,
        "cityops_showing_cache",
        "1 while the screen shows the offline cache",
        s.showingCache() ? 1 : 0);
    gauge(
        out, "cityops_fx_pulse_p50_ms", "FX pulse time, median of recent pulses", s.fxPulseP50Ms());
    gauge(
        out,
        "cityops_fx_pulse_p99_ms",
        "FX pulse time, 99th percentile of recent pulses",
        s.fxPulseP99Ms());
    gauge(out, "cityops_fx_pulse_max_ms", "FX pulse time, worst since start", s.fxPulseMaxMs());
    counter(
        out,
        "cityops_fx_stalls_total",
        "times the FX thread took over 100 ms to answer its watchdog",
        s.fxStalls());
    gauge(
        out,
        "cityops_fx_longest_wait_ms",
        "longest the FX thread took to answer its watchdog",
        s.fxLongestWaitMs());
    gauge(out, "cityops_heap_used_bytes", "JVM heap in use", s.heapUsedBytes());
    gauge(out, "cityops_heap_max_bytes", "JVM heap limit", s.heapMaxBytes());
    gauge(
        out,
        "cityops_basemap_cache_bytes",
        "basemap tile images and data held in memory (bounded)",
        s.basemapCacheBytes());
    return out.toString();
  }

  private static void gauge(StringBuilder out, String name, String help, double value) {
    metric(out, name, help, "gauge", value);
  }

  private static void counter(StringBuilder out, String name, String help, double value) {
    metric(out, name, help, "counter", value);
  }

  private static void metric(
      StringBuilder out, String name, String help, String type, double value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name)
        .append(' ')
        .append(
            String.format(
                Locale.ROOT,
                "%s",
                value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)))
        .append('\n');
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
