package com.cityops.app.feed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the client reaches the backend: trust (the system store plus an optional extra CA bundle —
 * government intranets use private CAs), optional certificate pins, an optional proxy, timeouts.
 *
 * @param caBundle PEM file with extra CA certificates to trust besides the system's, or null
 * @param pins OkHttp pins ({@code sha256/BASE64} of a certificate's public key) the server's chain
 *     must contain; empty for no pinning
 * @param proxy {@code http://host:port} or {@code socks://host:port}, {@code direct}, or null for
 *     the system's proxy settings
 * @param pingInterval how often the stream is pinged; OkHttp notices a half-open socket only then
 */
public record TransportSettings(
    Path caBundle,
    List<String> pins,
    String proxy,
    Duration connectTimeout,
    Duration readTimeout,
    Duration pingInterval) {

  public static final TransportSettings DEFAULT =
      new TransportSettings(
          null,
          List.of(),
          null,
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          // A silent half-open socket fails at the second unanswered ping: within 3 s.
          Duration.ofMillis(1_500));

  public TransportSettings {
    pins = List.copyOf(pins);
    for (String pin : pins) {
      if (!pin.startsWith("sha256/")) {
        throw new IllegalArgumentException(
            "certificate pin '" + pin + "' must look like sha256/BASE64 (the public key's hash)");
      }
    }
    if (proxy != null && !proxy.equals("direct")) {
      URI uri = URI.create(proxy);
      if (uri.getHost() == null
          || uri.getPort() < 0
          || !List.of("http", "socks", "socks5").contains(uri.getScheme())) {
        throw new IllegalArgumentException(
            "proxy '" + proxy + "' must be http://host:port, socks://host:port or direct");
      }
    }
  }

  public TransportSettings withCaBundle(Path value) {
    return new TransportSettings(value, pins, proxy, connectTimeout, readTimeout, pingInterval);
  }

  public TransportSettings withPins(List<String> value) {
    return new TransportSettings(caBundle, value, proxy, connectTimeout, readTimeout, pingInterval);
  }

  public TransportSettings withProxy(String value) {
    return new TransportSettings(caBundle, pins, value, connectTimeout, readTimeout, pingInterval);
  }

  public TransportSettings withTimeouts(Duration connect, Duration read) {
    return new TransportSettings(caBundle, pins, proxy, connect, read, pingInterval);
  }
}
