package com.cityops.map.raster;

import com.cityops.map.basemap.Basemap;
import com.cityops.map.content.MapContent;
import com.cityops.map.render.Renderer;
import com.cityops.map.style.Rgba;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Exports a view of the map as a PNG of any size — for reports, and for the screenshot tests that
 * compare rendering with stored references. Needs no toolkit and no screen.
 */
public final class MapImages {
  private MapImages() {}

  /**
   * The content as it would show in {@code viewport} (logical size), at {@code scale} pixels per
   * logical pixel, over {@code background}.
   */
  public static BufferedImage render(
      MapContent content, Viewport viewport, double scale, Rgba background) {
    return new PlanRasterizer().render(new Renderer().plan(content, viewport), scale, background);
  }

  /**
   * The content over {@code basemap} (every tile loaded and drawn first, so this blocks on files
   * and network: never call it on a UI thread), or over {@code background} when there is none.
   */
  public static BufferedImage render(
      MapContent content, Viewport viewport, double scale, Rgba background, Basemap basemap) {
    if (basemap == null) {
      return render(content, viewport, scale, background);
    }
    BufferedImage image =
        new BufferedImage(
            (int) Math.ceil(viewport.width() * scale),
            (int) Math.ceil(viewport.height() * scale),
            BufferedImage.TYPE_INT_ARGB_PRE);
    basemap.paint(image, viewport, scale, Basemap.Mode.COMPLETE);
    new PlanRasterizer().paintOver(new Renderer().plan(content, viewport), image, scale);
    return image;
  }

  /** Writes {@code image} as PNG, creating parent folders; the file is replaced atomically. */
  public static void writePng(BufferedImage image, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      if (!ImageIO.write(image, "png", temp.toFile())) {
        throw new IOException("no PNG writer available");
      }
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write map image " + file + ": " + e.getMessage(), e);
    }
  }
}
