package com.cityops.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data directory belongs to the city it was created with: the journal's device and case ids only
 * make sense for that seed. The seed is written beside the journal on first start and wins over a
 * different {@code --seed} later.
 */
final class DataDirSeed {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirSeed.class);
  private static final String FILE = "seed";

  private DataDirSeed() {}

  static SimConfig reconcile(SimConfig config) {
    Path dir = config.dataDir();
    if (dir == null) {
      return config;
    }
    Path file = dir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        long stored = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
        if (stored != config.seed()) {
          LOG.warn(
              "{} was created with seed {}; ignoring --seed {} so the journal still fits the city",
              dir,
              stored,
              config.seed());
          return config.toBuilder().seed(stored).build();
        }
        return config;
      }
      Files.createDirectories(dir);
      Files.writeString(file, Long.toString(config.seed()), StandardCharsets.UTF_8);
      return config;
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException(
          "cannot read or write the seed file " + file + ": " + e.getMessage(), e);
    }
  }
}
