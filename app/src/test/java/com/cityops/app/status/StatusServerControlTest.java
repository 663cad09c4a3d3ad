package com.cityops.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The wall's remote control on the status endpoint: off without a token, then only with it. */
class StatusServerControlTest {
  private static final String TOKEN = "a-control-token-of-some-length";

  /** Remembers what it was asked; refuses a view of panel "nope" as a wall would. */
  static final class RecordingWall implements WallControl {
    final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<String> switchMode(Command c) {
      done.add("mode " + c.mode());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<String> setView(Command c) {
      if ("nope".equals(c.panel())) {
        return CompletableFuture.completedFuture("no map panel 'nope'");
      }
      done.add("view " + c.panel() + " " + c.lon() + " " + c.lat() + " " + c.zoom());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<String> setPage(Command c) {
      done.add("page " + c.page());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<String> freeze(Command c) {
      done.add("frozen " + c.frozen());
      return CompletableFuture.completedFuture(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(int port, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutATokenThereIsNoControl() throws Exception {
    try (StatusServer server =
        StatusServer.start(InetAddress.getLoopbackAddress(), 0, () -> null)) {
      assertThat(
              post(server.port(), "/control/mode", "{\"mode\":\"emergency\"}", TOKEN).statusCode())
          .isEqualTo(404);
      assertThatThrownBy(() -> server.withControl("short", new RecordingWall()))
          .hasMessageContaining("at least 16 characters");
    }
  }

  @Test
  void onlyTheTokenSteersAndARefusalSaysWhy() throws Exception {
    RecordingWall wall = new RecordingWall();
    try (StatusServer server =
        StatusServer.start(InetAddress.getLoopbackAddress(), 0, () -> null)
            .withControl(TOKEN, wall)) {
      int port = server.port();
      assertThat(post(port, "/control/mode", "{\"mode\":\"emergency\"}", null).statusCode())
          .isEqualTo(401);
      assertThat(post(port, "/control/mode", "{\"mode\":\"emergency\"}", TOKEN + "x").statusCode())
          .isEqualTo(401);
      assertThat(wall.done).isEmpty();

      assertThat(post(port, "/control/mode", "{\"mode\":\"emergency\"}", TOKEN).statusCode())
          .isEqualTo(200);
      assertThat(
              post(
                      port,
                      "/control/view",
                      "{\"panel\":\"normal/0\",\"lon\":121.5,\"lat\":31.2,\"zoom\":12}",
                      TOKEN)
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              post(port, "/control/page", "{\"panel\":\"ticker\",\"page\":3}", TOKEN).statusCode())
          .isEqualTo(200);
      assertThat(post(port, "/control/freeze", "{\"frozen\":true}", TOKEN).statusCode())
          .isEqualTo(200);
      assertThat(wall.done)
          .containsExactly(
              "mode emergency", "view normal/0 121.5 31.2 12.0", "page 3", "frozen true");

      HttpResponse<String> refused = post(port, "/control/view", "{\"panel\":\"nope\"}", TOKEN);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).contains("no map panel 'nope'");
      assertThat(post(port, "/control/view", "{oops", TOKEN).statusCode()).isEqualTo(400);
      assertThat(post(port, "/control/reboot", "{}", TOKEN).statusCode()).isEqualTo(404);
      assertThat(post(port, "/control/view", "x".repeat(5000), TOKEN).statusCode()).isEqualTo(413);
    }
  }
}
