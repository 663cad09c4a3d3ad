package com.cityops.map.raster;

import com.cityops.map.style.Symbolizer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Icon images by {@code href} (a classpath resource such as {@code /icons/camera.png}, or a file
 * path), read once and scaled once per size. An icon that cannot be read is reported once and
 * answered with null, so the caller draws the fallback marker and the map keeps working.
 *
 * <p>Thread-safe.
 */
final class IconImages {
  private final Consumer<String> problems;
  private final Map<String, Optional<BufferedImage>> originals = new ConcurrentHashMap<>();
  private final Map<String, BufferedImage> scaled = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  IconImages(Consumer<String> problems) {
    this.problems = problems;
  }

  BufferedImage get(Symbolizer.Icon icon, double scale) {
    Optional<BufferedImage> original = originals.computeIfAbsent(icon.href(), this::read);
    if (original.isEmpty()) {
      return null;
    }
    int height = Math.max(1, (int) Math.round(icon.size() * scale));
    return scaled.computeIfAbsent(icon.href() + "@" + height, k -> scaleTo(original.get(), height));
  }

  private Optional<BufferedImage> read(String href) {
    try (InputStream in = open(href)) {
      BufferedImage image = in == null ? null : ImageIO.read(in);
      if (image == null) {
        report(href, in == null ? "not found on the classpath or disk" : "not a readable image");
      }
      return Optional.ofNullable(image);
    } catch (IOException | RuntimeException e) {
      report(href, e.getMessage());
      return Optional.empty();
    }
  }

  private static InputStream open(String href) throws IOException {
    InputStream resource = IconImages.class.getResourceAsStream(href);
    if (resource != null) {
      return resource;
    }
    Path file = Path.of(href);
    return Files.isReadable(file) ? Files.newInputStream(file) : null;
  }

  private void report(String href, String why) {
    if (reported.add(href)) {
      problems.accept("map icon '" + href + "' cannot be used (" + why + "); drawn as a marker");
    }
  }

  private static BufferedImage scaleTo(BufferedImage original, int height) {
    int width = Math.max(1, original.getWidth() * height / Math.max(1, original.getHeight()));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(original, 0, 0, width, height, null);
    g.dispose();
    return out;
  }
}
