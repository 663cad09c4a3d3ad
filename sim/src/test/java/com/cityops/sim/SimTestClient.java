package com.cityops.sim;

import com.cityops.api.ApiPaths;
import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A plain HTTP + WebSocket client of the contract for tests: real sockets, no mocks. */
final class SimTestClient implements AutoCloseable {
  static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .readTimeout(Duration.ofSeconds(30))
          .pingInterval(Duration.ofSeconds(2))
          .build();
  private final String baseUrl;
  private String token;

  SimTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  SimTestClient login(String user) {
    Reply reply =
        post(ApiPaths.LOGIN, "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}", null);
    if (reply.status() != 200) {
      throw new IllegalStateException("login failed: " + reply);
    }
    token = reply.json().get("token").asText();
    return this;
  }

  String token() {
    return token;
  }

  Reply get(String path) {
    return call(new Request.Builder().url(baseUrl + path).get());
  }

  Reply post(String path, String body, String idempotencyKey) {
    return post(path, RequestBody.create(body, JSON), idempotencyKey);
  }

  Reply post(String path, RequestBody body, String idempotencyKey) {
    Request.Builder request = new Request.Builder().url(baseUrl + path).post(body);
    if (idempotencyKey != null) {
      request.header(ApiPaths.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    }
    return call(request);
  }

  private Reply call(Request.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(
          response.code(),
          response.header("Content-Type"),
          response.body().string(),
          response.headers().toMultimap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the stream after {@code since} (-1 for "from now") and collects every message. */
  StreamRecorder stream(long since) {
    String url =
        baseUrl.replaceFirst("^http", "ws")
            + ApiPaths.STREAM
            + (since >= 0 ? "?since=" + since : "");
    var recorder = new StreamRecorder();
    Request.Builder request = new Request.Builder().url(url);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    recorder.socket = http.newWebSocket(request.build(), recorder);
    return recorder;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  record Reply(
      int status, String contentType, String body, java.util.Map<String, List<String>> headers) {
    JsonNode json() {
      return Json.readTree(body);
    }

    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** Collects stream messages; records the close code. */
  static final class StreamRecorder extends WebSocketListener {
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    volatile int closeCode = -1;
    volatile String closeReason;
    volatile Throwable failure;
    WebSocket socket;

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      messages.add(Json.readTree(text));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      closeCode = code;
      closeReason = reason;
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      failure = t;
    }

    List<JsonNode> events() {
      return messages.stream().filter(m -> !"heartbeat".equals(m.get("type").asText())).toList();
    }

    long lastSeq() {
      var events = events();
      return events.isEmpty() ? -1 : events.get(events.size() - 1).get("seq").asLong();
    }

    void close() {
      socket.close(1000, "test done");
    }

    void cancel() {
      socket.cancel();
    }

    boolean awaitClosed(long millis) throws InterruptedException {
      long end = System.currentTimeMillis() + millis;
      while (closeCode < 0 && failure == null && System.currentTimeMillis() < end) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      return closeCode >= 0 || failure != null;
    }
  }
}
