package com.cityops.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.geo.TileId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TileFaultsTest {
  static final TileId TILE = TileId.of(8, 213, 104);
  final TileFaults faults = new TileFaults();

  @Test
  void queuedFaultsComeFirstInOrderThenTheStandingOneThenNone() {
    faults
        .next("p", TILE, 2, TileFault.status(503))
        .next("p", TILE, 1, TileFault.truncated())
        .always("p", TILE, TileFault.html());

    assertThat(faults.arrived("p", TILE)).isEqualTo(TileFault.status(503));
    assertThat(faults.arrived("p", TILE)).isEqualTo(TileFault.status(503));
    assertThat(faults.arrived("p", TILE)).isEqualTo(TileFault.truncated());
    assertThat(faults.arrived("p", TILE)).isEqualTo(TileFault.html());
    assertThat(faults.arrived("p", TILE)).isEqualTo(TileFault.html());
    assertThat(faults.arrived("other", TILE)).as("faults are per pack").isNull();
    assertThat(faults.arrived("p", TileId.of(8, 213, 105))).as("and per tile").isNull();
  }

  @Test
  void countsRequestsAndNotModifiedPerTileUntilReset() {
    faults.next("p", TILE, 1, TileFault.delay(Duration.ofMillis(1)));
    faults.arrived("p", TILE);
    faults.arrived("p", TILE);
    faults.answeredNotModified("p", TILE);
    assertThat(faults.requests("p", TILE)).isEqualTo(2);
    assertThat(faults.notModified("p", TILE)).isEqualTo(1);
    assertThat(faults.requests("p", TileId.of(0, 0, 0))).isZero();

    faults.always("p", TILE, TileFault.status(500));
    faults.reset();
    assertThat(faults.requests("p", TILE)).isZero();
    assertThat(faults.arrived("p", TILE)).isNull();
  }

  @Test
  void countsABoundedNumberOfTiles() {
    for (int i = 0; i < TileFaults.MAX_COUNTED; i++) {
      faults.arrived("p", TileId.of(20, i, 0));
    }
    faults.arrived("p", TileId.of(20, 0, 1));
    assertThat(faults.requests("p", TileId.of(20, 0, 1))).isZero();
    faults.arrived("p", TileId.of(20, 0, 0));
    assertThat(faults.requests("p", TileId.of(20, 0, 0)))
        .as("known tiles still count")
        .isEqualTo(2);
  }

  @Test
  void refusesFaultsThatAreNotFaults() {
    assertThatThrownBy(() -> TileFault.status(200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("400–599");
    assertThatThrownBy(() -> faults.next("p", TILE, 0, TileFault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileFault.delay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
