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
 * text format 0.0.4). Read-only. Uses the JDK's HTTP server: no dependency for two GET routes.
 *
 * <p>Thread-safe; serves on its own {@code cityops-status} thread.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cityops-status");
            t.setDaemon(true);
            return t;
          });
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
    gauge(out, "cityops_heap_used_bytes", "JVM heap in use", s.heapUsedBytes());
    gauge(out, "cityops_heap_max_bytes", "JVM heap limit", s.heapMaxBytes());
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
