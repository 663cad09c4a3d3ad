package com.cityops.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.ProblemType;
import com.cityops.map.geo.TileId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileRequestTest {
  @Test
  void readsZxyAndTheExtension() {
    TileRequest r = TileRequest.parse("districts", "8", "213", "104.pbf");
    assertThat(r.pack()).isEqualTo("districts");
    assertThat(r.tile()).isEqualTo(TileId.of(8, 213, 104));
    assertThat(r.extension()).isEqualTo("pbf");
    assertThat(TileRequest.parse("p", "0", "0", "0.png").tile()).isEqualTo(TileId.of(0, 0, 0));
    assertThat(TileRequest.parse("p", "30", "1073741823", "1073741823.webp").tile())
        .isEqualTo(TileId.of(30, 1073741823, 1073741823));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "8; x; 104.pbf; tile x 'x' is not a non-negative integer",
        "8; 213; 104; the last part must be {y}.{ext}",
        "8; 213; 104.; the last part must be {y}.{ext}",
        "8; 213; .pbf; the last part must be {y}.{ext}",
        "08; 213; 104.pbf; tile z '08' is not a non-negative integer without leading zeros",
        "8; -1; 104.pbf; tile x '-1'",
        "8; +1; 104.pbf; tile x '+1'",
        "8; ٣; 104.pbf; tile x '٣'",
        "8.5; 1; 1.pbf; tile z '8.5'",
        "31; 0; 0.pbf; z must be 0–30",
        "8; 256; 0.pbf; x and y must be below 2^z = 256 at zoom 8",
        "8; 0; 256.pbf; x and y must be below 2^z = 256",
        "30; 99999999999; 0.pbf; tile x '99999999999'",
        "30; 2147483648; 0.pbf; tile x '2147483648' is too large"
      })
  void refusesMalformedAddressesWith400SayingWhy(String z, String x, String file, String why) {
    assertThatThrownBy(() -> TileRequest.parse("districts", z, x, file))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining(why)
        .satisfies(
            e -> assertThat(((BadRequest) e).problem()).isEqualTo(ProblemType.INVALID_REQUEST));
  }
}
