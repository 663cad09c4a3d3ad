package com.cityops.app.map;

import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The basemap that ships with the app: the bundled styles (themes jar) and the offline pack of the
 * demo city (the simulator's jar), copied into one folder so the styles' {@code
 * mbtiles://shanghai.mbtiles} resolves — SQLite reads files, not jar entries. A copy is refreshed
 * when its size differs from the bundled one (a new release). Blocking: call it off the FX thread.
 */
public final class BundledBasemap {
  /** The pack inside the simulator's jar (it serves the same file over HTTP). */
  public static final String PACK_RESOURCE = "/com/cityops/sim/basemap/shanghai.mbtiles";

  /** The bundled styles' sprite ({@code "sprite": "sprite"}), at both pixel ratios. */
  private static final java.util.List<String> SPRITE_FILES =
      java.util.List.of("sprite.json", "sprite.png", "sprite@2x.json", "sprite@2x.png");

  private BundledBasemap() {}

  /** Installs the theme's style and the pack into {@code dir}; answers the style file. */
  public static Path install(Path dir, Theme theme) {
    URL style = Themes.basemapStyle(theme);
    URL pack = BundledBasemap.class.getResource(PACK_RESOURCE);
    if (pack == null) {
      throw new IllegalStateException(
          "the offline basemap pack " + PACK_RESOURCE + " is missing from the application");
    }
    String name = style.getPath().substring(style.getPath().lastIndexOf('/') + 1);
    Path styleFile = copy(style, dir.resolve(name));
    for (String sprite : SPRITE_FILES) {
      URL part = Themes.class.getResource("basemap/" + sprite);
      if (part == null) {
        throw new IllegalStateException(
            "basemap sprite " + sprite + " is missing from the themes jar");
      }
      copy(part, dir.resolve(sprite));
    }
    copy(pack, dir.resolve("shanghai.mbtiles"));
    return styleFile;
  }

  private static Path copy(URL from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      long size = from.openConnection().getContentLengthLong();
      if (Files.isRegularFile(to) && size >= 0 && Files.size(to) == size) {
        return to;
      }
      Path temp = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".part");
      try (InputStream in = from.openStream()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot install the bundled basemap into " + to.getParent() + ": " + e.getMessage(), e);
    }
  }
}
