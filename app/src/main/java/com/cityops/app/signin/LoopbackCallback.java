package com.cityops.app.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect target of a native app's sign-on (RFC 8252 §7.3): a one-shot HTTP listener on
 * 127.0.0.1 and a port the OS picks, which takes the first request to {@value #PATH}, answers it
 * with a page that says to go back to the console, and stops.
 */
final class LoopbackCallback implements AutoCloseable {
  static final String PATH = "/callback";
  private final HttpServer server;
  private final CompletableFuture<URI> received = new CompletableFuture<>();

  LoopbackCallback() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1 for the sign-on redirect", e);
    }
    server.createContext(PATH, this::handle);
    server.start();
  }

  URI redirectUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The full URI the browser was sent to (with code, state, iss), or a timeout. */
  URI await(Duration timeout) throws TimeoutException, InterruptedException {
    try {
      return received.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = redirectUri().resolve(exchange.getRequestURI());
    byte[] page =
        ("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>单点登录</title>"
                + "<p>登录已完成，请回到城市运行管理平台；本页可以关闭。</p>"
                + "<p>Signed in: go back to CityOps Console; you may close this page.</p></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, page.length);
    try (var body = exchange.getResponseBody()) {
      body.write(page);
    }
    received.complete(uri);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
