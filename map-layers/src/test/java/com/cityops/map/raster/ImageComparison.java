package com.cityops.map.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Compares a rendered image with a stored reference PNG within a tolerance, writing the actual
 * image and a diff (differing pixels in red over a faded copy) to {@code target/screenshot-diffs/}
 * when they differ. Run with {@code -Dscreenshots.update=true} to store new references after a
 * deliberate change, and look at them before committing.
 */
final class ImageComparison {
  /** A pixel differs when one of its channels differs by more than this (anti-aliasing noise). */
  private static final int CHANNEL_TOLERANCE = 40;

  private ImageComparison() {}

  /** The share of differing pixels (0…1); sizes must match. */
  static double differingShare(BufferedImage expected, BufferedImage actual, BufferedImage diff) {
    if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
      return 1;
    }
    long differing = 0;
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int a = expected.getRGB(x, y);
        int b = actual.getRGB(x, y);
        boolean differs = channelDelta(a, b) > CHANNEL_TOLERANCE;
        if (differs) {
          differing++;
        }
        if (diff != null) {
          diff.setRGB(x, y, differs ? 0xffff0000 : (0xff000000 | (b >> 2 & 0x3f3f3f)));
        }
      }
    }
    return differing / (double) (expected.getWidth() * expected.getHeight());
  }

  private static int channelDelta(int a, int b) {
    int max = 0;
    for (int shift = 0; shift <= 24; shift += 8) {
      max = Math.max(max, Math.abs((a >>> shift & 0xff) - (b >>> shift & 0xff)));
    }
    return max;
  }

  /**
   * Asserts {@code actual} matches the reference {@code name} (under {@code
   * src/test/resources/screenshots/}) with at most {@code maxShare} of its pixels differing.
   */
  static void assertMatchesReference(BufferedImage actual, String name, double maxShare) {
    Path reference = Path.of("src/test/resources/screenshots", name);
    try {
      if (Boolean.getBoolean("screenshots.update") || !Files.exists(reference)) {
        if (!Boolean.getBoolean("screenshots.update")) {
          throw new AssertionError(
              "no reference screenshot "
                  + reference
                  + "; run the test with -Dscreenshots.update=true, look at the image, commit it");
        }
        MapImages.writePng(actual, reference);
        return;
      }
      BufferedImage expected = ImageIO.read(reference.toFile());
      BufferedImage diff =
          new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
      double share = differingShare(expected, actual, diff);
      if (share > maxShare) {
        Path out = Path.of("target/screenshot-diffs");
        MapImages.writePng(actual, out.resolve(name));
        MapImages.writePng(diff, out.resolve(name.replace(".png", "-diff.png")));
        throw new AssertionError(
            String.format(
                "%s differs from its reference in %.2f%% of pixels (allowed %.2f%%); see %s",
                name, share * 100, maxShare * 100, out.toAbsolutePath()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
