package com.cityops.sim.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tile packs the server offers, by id in name order: every {@code *.mbtiles} of a directory
 * (pack = file name without the suffix), or the bundled demo basemap, or none. Opening fails loud:
 * a pack that cannot be read stops the server at start rather than answering 500 for every tile
 * later. Thread-safe (immutable after opening; packs are thread-safe).
 */
public final class TilePacks implements AutoCloseable {
  /** The demo basemap, served when no directory is given and the resource is on the classpath. */
  public static final String BUNDLED = "/com/cityops/sim/basemap/shanghai.mbtiles";

  private static final String SUFFIX = ".mbtiles";

  private final Map<String, TilePack> packs;

  private TilePacks(List<TilePack> packs) {
    Map<String, TilePack> byId = new LinkedHashMap<>();
    packs.forEach(p -> byId.put(p.id(), p));
    this.packs = byId;
  }

  public static TilePacks none() {
    return new TilePacks(List.of());
  }

  /** The packs of {@code tilesDir}, or the bundled demo basemap when it is null. */
  public static TilePacks forConfig(Path tilesDir) {
    return tilesDir != null
        ? fromDirectory(tilesDir)
        : bundled("shanghai", TilePacks.class.getResource(BUNDLED));
  }

  /**
   * Every {@code *.mbtiles} directly in {@code dir} (not in subfolders), sorted by name.
   *
   * @throws IllegalArgumentException when {@code dir} is not a directory
   * @throws com.cityops.map.data.MapDataException when a file is not readable MBTiles
   */
  public static TilePacks fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "tiles directory "
              + dir.toAbsolutePath()
              + " does not exist or is not a directory; give one holding *.mbtiles files");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the tiles directory " + dir.toAbsolutePath(), e);
    }
    List<TilePack> opened = new ArrayList<>();
    try {
      for (Path file : files) {
        String name = file.getFileName().toString();
        opened.add(TilePack.open(name.substring(0, name.length() - SUFFIX.length()), file, false));
      }
    } catch (RuntimeException e) {
      opened.forEach(TilePack::close);
      throw e;
    }
    return new TilePacks(opened);
  }

  /**
   * A pack read from a resource (SQLite needs a file, so it is copied to a temporary file that is
   * deleted on close); no packs when {@code resource} is null.
   */
  public static TilePacks bundled(String id, URL resource) {
    if (resource == null) {
      return none();
    }
    Path copy = null;
    try (InputStream in = resource.openStream()) {
      copy = Files.createTempFile("cityops-" + id + "-", SUFFIX);
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return new TilePacks(List.of(TilePack.open(id, copy, true)));
    } catch (IOException e) {
      deleteQuietly(copy, e);
      throw new UncheckedIOException(
          "cannot copy the bundled tile pack " + resource + " to a temporary file: " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(copy, e);
      throw e;
    }
  }

  private static void deleteQuietly(Path file, Exception failure) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException suppressed) {
        failure.addSuppressed(suppressed);
      }
    }
  }

  public Optional<TilePack> get(String id) {
    return Optional.ofNullable(packs.get(id));
  }

  /** All packs, in name order. */
  public List<TilePack> all() {
    return List.copyOf(packs.values());
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (TilePack pack : packs.values()) {
      try {
        pack.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return packs.isEmpty() ? "no tile packs" : packs.values().toString();
  }
}
