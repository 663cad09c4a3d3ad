package com.cityops.app.cli;

import com.cityops.app.feed.TransportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How to reach the backend (trust, pins, proxy, timeouts): shared by the app and {@code doctor}.
 */
public final class ConnectionOptions {
  @Option(
      names = "--ca-bundle",
      description =
          "PEM file of extra CA certificates to trust besides the system's (an intranet's private CA).")
  Path caBundle;

  @Option(
      names = "--pin",
      description =
          "Require this public-key pin in the server's certificate chain, sha256/BASE64 (repeatable; doctor prints the pins).")
  List<String> pins = new ArrayList<>();

  @Option(
      names = "--proxy",
      description =
          "http://host:port, socks://host:port, or direct. Default: the system's proxy settings.")
  String proxy;

  @Option(names = "--connect-timeout", description = "ISO-8601 duration. Default: ${DEFAULT-VALUE}")
  Duration connectTimeout = TransportSettings.DEFAULT.connectTimeout();

  @Option(names = "--read-timeout", description = "ISO-8601 duration. Default: ${DEFAULT-VALUE}")
  Duration readTimeout = TransportSettings.DEFAULT.readTimeout();

  @Option(
      names = "--allow-plain-http",
      description =
          "Allow http:// to a backend on another machine (isolated test networks only). By default"
              + " only loopback backends may be reached without TLS.")
  boolean allowPlainHttp;

  /**
   * The settings these options describe.
   *
   * @throws IllegalArgumentException with a message for the user when a value is unusable
   */
  public TransportSettings settings() {
    return TransportSettings.DEFAULT
        .withCaBundle(caBundle)
        .withPins(pins)
        .withProxy(proxy)
        .withTimeouts(connectTimeout, readTimeout)
        .withPlainHttpAllowed(allowPlainHttp);
  }
}
