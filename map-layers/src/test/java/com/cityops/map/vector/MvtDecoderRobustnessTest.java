package com.cityops.map.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged tiles (cut short, bytes flipped) fail with a {@link VectorTileException} and nothing else
 * — never an IndexOutOfBounds or a JTS IllegalArgumentException escaping to the tile loader.
 */
class MvtDecoderRobustnessTest {
  @Test
  void damagedSmallTileFailsOnlyWithVectorTileException() throws IOException {
    damage(MvtFixturesTest.read("real-world/13-2102-3042.mvt"), 2000);
  }

  @Test
  void damagedLargeTileFailsOnlyWithVectorTileException() throws IOException {
    damage(MvtFixturesTest.read("real-world/13-2100-3043.mvt"), 300);
  }

  private static void damage(byte[] tile, int rounds) {
    Random random = new Random(7);
    int failures = 0;
    for (int i = 0; i < rounds; i++) {
      byte[] damaged =
          i % 2 == 0
              ? Arrays.copyOf(tile, random.nextInt(tile.length))
              : flip(tile.clone(), random, 1 + random.nextInt(4));
      try {
        MvtDecoder.decode(damaged, problem -> {});
      } catch (VectorTileException expected) {
        failures++;
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(failures).as("damage is noticed").isGreaterThan(rounds / 20);
  }

  private static byte[] flip(byte[] bytes, Random random, int n) {
    for (int i = 0; i < n; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return bytes;
  }
}
