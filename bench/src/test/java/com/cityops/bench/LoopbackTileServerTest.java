package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.geo.TileId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackTileServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHeldTilesAsPngAndCountsWhatWasAsked() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    try (LoopbackTileServer server =
        new LoopbackTileServer(Map.of(TileId.of(12, 3430, 1673), png), 2)) {
      HttpResponse<byte[]> ok = get(server.base() + "/12/3430/1673.png");
      HttpResponse<byte[]> missing = get(server.base() + "/12/1/1.png");
      get(server.base() + "/12/3430/1673.png");

      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(ok.body()).isEqualTo(png);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(server.requests()).isEqualTo(3);
      assertThat(server.asked())
          .containsExactlyInAnyOrder(TileId.of(12, 3430, 1673), TileId.of(12, 1, 1));
      assertThat(server.template()).isEqualTo(server.base() + "/{z}/{x}/{y}.png");

      server.reset();
      assertThat(server.requests()).isZero();
      assertThat(server.asked()).isEmpty();
    }
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
