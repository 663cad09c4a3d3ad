package com.cityops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BasemapWorkloadTest {
  @Test
  void defaultsAreTheDocumentedRun() {
    BasemapWorkload w = new BasemapWorkload();
    new CommandLine(w).parseArgs();

    assertThat(w.size()).containsExactly(1920, 1080);
    assertThat(w.zoom).isEqualTo(12);
    assertThat(w.tileZooms).containsExactly(12, 13);
    assertThat(w.peerThreads).isEqualTo(4);
    assertThat(w.parts).isEmpty();
    assertThat(w.view(12).zoom()).isEqualTo(12);
  }

  @Test
  void partsRepeatAndTileZoomsSplitOnCommas() {
    BasemapWorkload w = new BasemapWorkload();
    new CommandLine(w)
        .parseArgs("--part", "tiles", "--part", "raster", "--tile-zoom", "13", "--size", "800x600");

    assertThat(w.parts).containsExactly("tiles", "raster");
    assertThat(w.tileZooms).containsExactly(13);
    assertThat(w.size()).containsExactly(800, 600);
  }
}
