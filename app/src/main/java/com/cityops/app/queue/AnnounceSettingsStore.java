package com.cityops.app.queue;

import com.cityops.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an operator's announcement settings as {@code announce-settings.json} in the per-user data
 * folder, read and written on its own thread ({@code cityops-queue-settings}); a write goes to a
 * temporary file first and is moved into place, so a crash never leaves half a file. An unreadable
 * file is logged with its path and the defaults are used. Without a folder (benchmarks) nothing is
 * stored.
 *
 * <p>Thread-safe.
 */
final class AnnounceSettingsStore implements AutoCloseable {
  static final String FILE = "announce-settings.json";
  private static final Logger LOG = LoggerFactory.getLogger(AnnounceSettingsStore.class);

  private final Path file;
  private final ExecutorService io =
      Executors.newSingleThreadExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-queue-settings"));

  /**
   * @param folder the per-user data folder, or null to keep nothing
   */
  AnnounceSettingsStore(Path folder) {
    this.file = folder == null ? null : folder.resolve(FILE);
  }

  /**
   * Reads the settings off the caller's thread and hands them to {@code loaded} (on the store's).
   */
  void load(Consumer<AnnounceSettings> loaded) {
    io.execute(() -> loaded.accept(read()));
  }

  AnnounceSettings read() {
    if (file == null || !Files.exists(file)) {
      return AnnounceSettings.DEFAULT;
    }
    try {
      return Json.read(Files.readString(file, StandardCharsets.UTF_8), AnnounceSettings.class);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read announcement settings {}; using the defaults: {}", file, e.toString());
      return AnnounceSettings.DEFAULT;
    }
  }

  void save(AnnounceSettings settings) {
    if (file == null) {
      return;
    }
    io.execute(
        () -> {
          try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, Json.write(settings), StandardCharsets.UTF_8);
            Files.move(
                tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            LOG.error("cannot save announcement settings to {}: {}", file, e.toString());
          }
        });
  }

  @Override
  public void close() {
    io.shutdown();
  }
}
