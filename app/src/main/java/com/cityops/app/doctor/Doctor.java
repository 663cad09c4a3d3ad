package com.cityops.app.doctor;

import com.cityops.api.Json;
import com.cityops.api.LoginResponse;
import com.cityops.api.ServerStatus;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.cache.OfflineCache;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.BackendException;
import com.cityops.app.feed.TransportSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The checks behind {@code cityops doctor}, in the order a connection is built: name → socket → TLS
 * → REST (latency, clock) → sign-in → snapshot → stream → local cache. A step that cannot run
 * because an earlier one failed is skipped, so the first failure is the one to fix.
 */
public final class Doctor {
  static final Duration SKEW_WARN = Duration.ofSeconds(2);
  static final Duration SKEW_FAIL = Duration.ofMinutes(1);
  static final long FREE_WARN_BYTES = 1L << 30;
  static final long FREE_FAIL_BYTES = 100L << 20;
  private static final int LATENCY_SAMPLES = 5;

  /**
   * What to check.
   *
   * @param streamFor how long to listen to the stream
   */
  public record Target(
      String server,
      String user,
      String password,
      TransportSettings transport,
      Path dataDir,
      Duration streamFor) {}

  private final Target target;
  private final Clock clock;
  private final List<Check> checks = new ArrayList<>();
  private Duration skew = Duration.ZERO;

  public Doctor(Target target, Clock clock) {
    this.target = target;
    this.clock = clock;
  }

  public DoctorReport run() {
    Instant started = clock.instant();
    URI uri = parse(target.server());
    boolean reachable = uri != null && resolve(uri) && connect(uri);
    if (uri != null && reachable) {
      tls(uri);
    } else {
      checks.add(Check.skip("tls", "not tried: the server cannot be reached"));
    }
    if (reachable && !failed("tls")) {
      try (BackendClient client = new BackendClient(target.server(), target.transport())) {
        if (health(client) && login(client)) {
          Snapshot snapshot = snapshot(client);
          if (snapshot != null) {
            stream(client, snapshot.seq());
          } else {
            checks.add(Check.skip("stream", "not tried: no snapshot"));
          }
        } else {
          skipRest("snapshot", "stream");
        }
      }
    } else {
      skipRest("health", "login", "snapshot", "stream");
    }
    cache();
    return new DoctorReport(target.server(), started, checks);
  }

  private void skipRest(String... names) {
    for (String name : names) {
      if (checks.stream().noneMatch(c -> c.name().equals(name))) {
        checks.add(Check.skip(name, "not tried: an earlier check failed"));
      }
    }
  }

  private boolean failed(String name) {
    return checks.stream()
        .anyMatch(c -> c.name().equals(name) && c.outcome() == Check.Outcome.FAIL);
  }

  private URI parse(String server) {
    try {
      URI uri = URI.create(server);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("expected http(s)://host[:port]");
      }
      checks.add(Check.pass("url", uri.toString(), Map.of("scheme", uri.getScheme())));
      return uri;
    } catch (IllegalArgumentException e) {
      checks.add(Check.fail("url", "'" + server + "' is not a server address: " + e.getMessage()));
      skipRest("dns", "tcp");
      return null;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private boolean resolve(URI uri) {
    long t0 = System.nanoTime();
    try {
      InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
      List<String> found = Arrays.stream(addresses).map(InetAddress::getHostAddress).toList();
      long took = ms(t0);
      checks.add(
          Check.pass(
              "dns",
              uri.getHost() + " → " + String.join(", ", found) + " (" + took + " ms)",
              Map.of("addresses", found, "millis", took)));
      return true;
    } catch (UnknownHostException e) {
      if (target.transport().proxy() != null) {
        checks.add(
            Check.warn(
                "dns",
                uri.getHost() + " does not resolve here; the proxy will resolve it",
                Map.of()));
        return true;
      }
      checks.add(
          Check.fail(
              "dns",
              "cannot resolve "
                  + uri.getHost()
                  + " — check the name and this PC's DNS server (or use the server's IP address)"));
      checks.add(Check.skip("tcp", "not tried: the name does not resolve"));
      return false;
    }
  }

  private boolean connect(URI uri) {
    if (target.transport().proxy() != null && !"direct".equals(target.transport().proxy())) {
      checks.add(
          Check.skip("tcp", "through the proxy " + target.transport().proxy() + ": see health"));
      return true;
    }
    String where = uri.getHost() + ":" + port(uri);
    long t0 = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(uri.getHost(), port(uri)),
          (int) target.transport().connectTimeout().toMillis());
      long took = ms(t0);
      checks.add(
          Check.pass(
              "tcp", "connected to " + where + " in " + took + " ms", Map.of("millis", took)));
      return true;
    } catch (ConnectException e) {
      checks.add(
          Check.fail(
              "tcp",
              "nothing accepts connections at "
                  + where
                  + " (connection refused) — is the backend running, and is the port right?"));
    } catch (SocketTimeoutException e) {
      checks.add(
          Check.fail(
              "tcp",
              "no answer from "
                  + where
                  + " within "
                  + target.transport().connectTimeout().toSeconds()
                  + " s — a firewall, or the wrong address?"));
    } catch (IOException e) {
      checks.add(Check.fail("tcp", "cannot connect to " + where + ": " + e.getMessage()));
    }
    return false;
  }

  private void tls(URI uri) {
    if (!"https".equals(uri.getScheme())) {
      checks.add(
          Check.warn(
              "tls",
              "plain HTTP: traffic and passwords are not encrypted (fine on a test bench, not in a centre)",
              Map.of()));
      return;
    }
    if (target.transport().proxy() != null && !"direct".equals(target.transport().proxy())) {
      checks.add(Check.skip("tls", "through the proxy: the health check tests the TLS path"));
      return;
    }
    checks.add(TlsProbe.probe(uri.getHost(), port(uri), target.transport(), clock.instant()));
  }

  /** REST latency over a few calls, and the clock skew from the fastest one. */
  private boolean health(BackendClient client) {
    List<Long> latencies = new ArrayList<>();
    ServerStatus status = null;
    long bestRtt = Long.MAX_VALUE;
    try {
      for (int i = 0; i < LATENCY_SAMPLES; i++) {
        Instant sent = clock.instant();
        long t0 = System.nanoTime();
        status = client.health();
        long rtt = System.nanoTime() - t0;
        latencies.add(rtt / 1_000_000);
        if (rtt < bestRtt && status.serverTime() != null) {
          bestRtt = rtt;
          Instant localMid = sent.plusNanos(rtt / 2);
          skew = Duration.between(localMid, status.serverTime());
        }
      }
    } catch (BackendException e) {
      checks.add(Check.fail("health", "GET /health failed: " + e.getMessage()));
      return false;
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("latencyMillisMedian", sorted.get(sorted.size() / 2));
    details.put("latencyMillisMax", sorted.get(sorted.size() - 1));
    details.put("serverVersion", status.version());
    details.put("seq", status.seq());
    details.put("clockSkewMillis", skew.toMillis());
    String summary =
        "backend "
            + status.version()
            + " at seq "
            + status.seq()
            + "; REST median "
            + sorted.get(sorted.size() / 2)
            + " ms, max "
            + sorted.get(sorted.size() - 1)
            + " ms";
    checks.add(Check.pass("health", summary, details));
    Duration off = skew.abs();
    String clockLine =
        "this PC's clock is "
            + off.toMillis()
            + " ms "
            + (skew.isNegative() ? "ahead of" : "behind")
            + " the backend's";
    Map<String, Object> skewDetails = Map.of("skewMillis", skew.toMillis());
    if (off.compareTo(SKEW_FAIL) > 0) {
      checks.add(
          Check.fail(
              "clock",
              clockLine
                  + ": deadlines and data ages will be wrong — sync this PC with the centre's NTP server",
              skewDetails));
    } else if (off.compareTo(SKEW_WARN) > 0) {
      checks.add(Check.warn("clock", clockLine + " (sync it with NTP)", skewDetails));
    } else {
      checks.add(Check.pass("clock", clockLine, skewDetails));
    }
    return true;
  }

  private boolean login(BackendClient client) {
    try {
      LoginResponse who = client.login(target.user(), target.password());
      checks.add(
          Check.pass(
              "login",
              "signed in as " + who.username() + " (" + who.role().name().toLowerCase() + ")",
              Map.of(
                  "role",
                  who.role().name().toLowerCase(),
                  "tokenExpires",
                  String.valueOf(who.expiresAt()))));
      return true;
    } catch (BackendException e) {
      String why =
          e.status() == 401
              ? "the backend refused user '"
                  + target.user()
                  + "': wrong user name or password (HTTP 401) — check --user and --password / CITYOPS_PASSWORD"
              : "sign-in failed: " + e.getMessage();
      checks.add(Check.fail("login", why));
      return false;
    }
  }

  private Snapshot snapshot(BackendClient client) {
    long t0 = System.nanoTime();
    try {
      Snapshot s = client.snapshot();
      long took = ms(t0);
      checks.add(
          Check.pass(
              "snapshot",
              s.incidents().size()
                  + " cases, "
                  + s.indicators().size()
                  + " indicators, "
                  + s.devices().size()
                  + " devices at seq "
                  + s.seq()
                  + " in "
                  + took
                  + " ms",
              Map.of(
                  "millis", took,
                  "incidents", s.incidents().size(),
                  "indicators", s.indicators().size(),
                  "devices", s.devices().size(),
                  "seq", s.seq())));
      return s;
    } catch (BackendException e) {
      checks.add(Check.fail("snapshot", "GET /snapshot failed: " + e.getMessage()));
      return null;
    }
  }

  /**
   * Listens to the stream for a while: messages per second and the lag of server-stamped messages
   * (heartbeats carry the server's wall clock), corrected for clock skew.
   */
  private void stream(BackendClient client, long since) {
    StreamProbe probe = new StreamProbe();
    WebSocket socket = client.openStream(since, probe);
    try {
      probe.closed.await(target.streamFor().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Our own cancel reports "Socket closed" to the listener; it is not a failure of the stream.
      probe.done = true;
      socket.cancel();
    }
    double seconds = target.streamFor().toMillis() / 1000.0;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("messages", probe.messages);
    details.put("heartbeats", probe.heartbeats);
    details.put("unreadable", probe.unreadable);
    details.put("messagesPerSecond", Math.round(probe.messages / seconds * 10) / 10.0);
    List<Long> lags = probe.lagsMillis.stream().sorted().toList();
    if (!lags.isEmpty()) {
      details.put("lagMillisMedian", lags.get(lags.size() / 2));
      details.put("lagMillisMax", lags.get(lags.size() - 1));
    }
    if (probe.failure != null) {
      checks.add(Check.fail("stream", "the stream broke: " + probe.failure, details));
    } else if (probe.messages == 0) {
      checks.add(
          Check.fail(
              "stream",
              "no message (not even a heartbeat) in "
                  + seconds
                  + " s — a proxy or firewall that blocks WebSockets?",
              details));
    } else if (probe.unreadable > 0) {
      checks.add(
          Check.warn(
              "stream",
              probe.unreadable + " of " + probe.messages + " messages were not readable",
              details));
    } else {
      checks.add(
          Check.pass(
              "stream",
              details.get("messagesPerSecond")
                  + " messages/s"
                  + (lags.isEmpty()
                      ? ""
                      : ", lag median " + details.get("lagMillisMedian") + " ms"),
              details));
    }
  }

  private final class StreamProbe extends WebSocketListener {
    final CountDownLatch closed = new CountDownLatch(1);
    final List<Long> lagsMillis = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile int messages;
    volatile int heartbeats;
    volatile int unreadable;
    volatile String failure;
    volatile boolean done;

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      Instant at = clock.instant();
      messages++;
      try {
        StreamEnvelope envelope = Json.readEnvelope(text);
        if (envelope.type() == StreamEventType.HEARTBEAT) {
          heartbeats++;
          lagsMillis.add(Duration.between(envelope.ts(), at.plus(skew)).toMillis());
        }
      } catch (Json.MalformedJsonException e) {
        unreadable++;
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      if (done) {
        return;
      }
      failure = "closed by the server with code " + code + (reason.isEmpty() ? "" : ": " + reason);
      closed.countDown();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      if (done) {
        return;
      }
      failure = t.getMessage() + (response == null ? "" : " (HTTP " + response.code() + ")");
      closed.countDown();
    }
  }

  /** The data folder: there, writable, with room, and what the offline cache holds. */
  private void cache() {
    Path dir = target.dataDir();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dir", dir.toString());
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, "doctor", ".tmp");
      try {
        Files.writeString(probe, "ok");
      } finally {
        Files.delete(probe);
      }
      long free = Files.getFileStore(dir).getUsableSpace();
      details.put("freeBytes", free);
      OfflineCache offline = new OfflineCache(dir);
      var cached = offline.load();
      boolean unreadable = cached.isEmpty() && Files.exists(offline.file());
      cached.ifPresent(
          c -> {
            details.put("cacheSavedAt", c.savedAt().toString());
            details.put("cacheSeq", c.state().seq());
          });
      String held =
          cached
              .map(
                  c ->
                      "offline cache from "
                          + Duration.between(c.savedAt(), clock.instant()).toMinutes()
                          + " min ago")
              .orElse(unreadable ? "the offline cache file is unreadable" : "no offline cache yet");
      String summary = dir + " writable, " + (free >> 20) + " MB free, " + held;
      if (free < FREE_FAIL_BYTES) {
        checks.add(Check.fail("cache", summary + " — too little room to save state", details));
      } else if (free < FREE_WARN_BYTES || unreadable) {
        checks.add(
            Check.warn(
                "cache",
                summary
                    + (unreadable
                        ? " — it will be replaced on the next save"
                        : " — little room left"),
                details));
      } else {
        checks.add(Check.pass("cache", summary, details));
      }
    } catch (IOException | RuntimeException e) {
      checks.add(
          Check.fail(
              "cache",
              "the data folder "
                  + dir
                  + " is not usable ("
                  + e.getMessage()
                  + ") — the offline cache and the action outbox need it; fix its permissions or pass --data-dir",
              details));
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
