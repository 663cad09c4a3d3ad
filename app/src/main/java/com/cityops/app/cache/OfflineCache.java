package com.cityops.app.cache;

import com.cityops.api.Json;
import com.cityops.api.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good city state on disk, so a restart while the backend is unreachable shows the city at
 * once, marked stale. Written atomically (temp file, fsync, rename), so a crash mid-write leaves
 * the previous cache intact; a cache that cannot be read is reported and ignored, never fatal.
 *
 * <p>Blocking I/O: call from a worker, never the FX thread. Thread-safe (writes are serialised).
 */
public final class OfflineCache {
  private static final Logger LOG = LoggerFactory.getLogger(OfflineCache.class);
  static final String FILE = "last-state.json";

  private final Path file;

  public OfflineCache(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** Replaces the cache with {@code state}, saved at {@code savedAt}. */
  public synchronized void save(Snapshot state, Instant savedAt) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(FILE + ".tmp");
    byte[] json = Json.write(new CachedState(savedAt, state)).getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
      out.write(json);
      out.flush();
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The cached state, or empty when there is none or it cannot be read (logged with the reason).
   */
  public Optional<CachedState> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      CachedState cached =
          Json.read(Files.readString(file, StandardCharsets.UTF_8), CachedState.class);
      if (cached.savedAt() == null || cached.state() == null) {
        LOG.warn("ignoring the offline cache {}: it has no state or no save time", file);
        return Optional.empty();
      }
      return Optional.of(cached);
    } catch (IOException | Json.MalformedJsonException e) {
      LOG.warn("ignoring the offline cache {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** What the cache holds: the state and when it was saved. */
  public record CachedState(Instant savedAt, Snapshot state) {}
}
