package com.cityops.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example wall layouts in {@code docs/walls/}, for tests. */
final class WallLayoutFiles {
  private WallLayoutFiles() {}

  static Path example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs/walls"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("docs/walls not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs/walls").resolve(name);
  }
}
