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
 * @param allowPlainHttp whether {@code http://} may be used to a backend that is not on this
 *     machine; off by default: tokens and personal data cross the network only inside TLS
 */
public record TransportSettings(
    Path caBundle,
    List<String> pins,
    String proxy,
    Duration connectTimeout,
    Duration readTimeout,
    Duration pingInterval,
    boolean allowPlainHttp) {

  public static final TransportSettings DEFAULT =
      new TransportSettings(
          null,
          List.of(),
          null,
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          // A silent half-open socket fails at the second unanswered ping: within 3 s.
          Duration.ofMillis(1_500),
          false);

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
    return new TransportSettings(
        value, pins, proxy, connectTimeout, readTimeout, pingInterval, allowPlainHttp);
  }

  public TransportSettings withPins(List<String> value) {
    return new TransportSettings(
        caBundle, value, proxy, connectTimeout, readTimeout, pingInterval, allowPlainHttp);
  }

  public TransportSettings withProxy(String value) {
    return new TransportSettings(
        caBundle, pins, value, connectTimeout, readTimeout, pingInterval, allowPlainHttp);
  }

  public TransportSettings withPlainHttpAllowed(boolean value) {
    return new TransportSettings(
        caBundle, pins, proxy, connectTimeout, readTimeout, pingInterval, value);
  }

  /**
   * Refuses {@code http://} to a backend that is not on this machine unless allowed.
   *
   * @throws IllegalArgumentException saying what to do instead
   */
  public void checkScheme(String scheme, String host) {
    if (allowPlainHttp || !"http".equalsIgnoreCase(scheme) || isLoopback(host)) {
      return;
    }
    throw new IllegalArgumentException(
        "refusing plain http:// to "
            + host
            + ": sign-in tokens and personal data would cross the network unencrypted; use"
            + " https:// (with --ca-bundle for an intranet CA), or --allow-plain-http on an"
            + " isolated test network");
  }

  /** Loopback by its literal name or address only: deciding this must not wait for DNS. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  public TransportSettings withTimeouts(Duration connect, Duration read) {
    return new TransportSettings(
        caBundle, pins, proxy, connect, read, pingInterval, allowPlainHttp);
  }
}
