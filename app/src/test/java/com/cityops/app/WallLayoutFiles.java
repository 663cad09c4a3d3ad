package com.cityops.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example wall layouts in {@code docs/walls/}, for tests. */
public final class WallLayoutFiles {
  private WallLayoutFiles() {}

  public static Path example(String name) {
    return dir().resolve(name);
  }

  /** {@code docs/walls/}, found above the working directory. */
  public static Path dir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs/walls"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("docs/walls not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs/walls");
  }
}
