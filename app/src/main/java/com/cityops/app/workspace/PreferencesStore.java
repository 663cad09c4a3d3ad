package com.cityops.app.workspace;

import com.cityops.api.Json;
import com.cityops.app.shell.LayoutMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator's {@link WorkspacePreferences} in {@code workspace-<user>.json} under the data
 * folder. Read once at start (a few hundred bytes, before any window exists); every change is
 * written on its own {@code cityops-prefs} thread, atomically, latest state wins (a dragged divider
 * causes one write per burst, not one per pixel). An unreadable file is logged and replaced by the
 * defaults — preferences are never worth a failed start.
 *
 * <p>Thread-safe.
 */
public final class PreferencesStore implements LayoutMemory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PreferencesStore.class);

  private final Path file;
  private final AtomicReference<WorkspacePreferences> current;
  private final AtomicReference<WorkspacePreferences> unsaved = new AtomicReference<>();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-prefs"));

  private PreferencesStore(Path file, WorkspacePreferences loaded) {
    this.file = file;
    this.current = new AtomicReference<>(loaded);
  }

  /** Opens the preferences of {@code user}; defaults when there are none yet. */
  public static PreferencesStore open(Path dataDir, String user) {
    String safe = (user == null || user.isBlank() ? "default" : user).replaceAll("[^\\w.-]", "_");
    Path file = dataDir.resolve("workspace-" + safe + ".json");
    WorkspacePreferences loaded = WorkspacePreferences.DEFAULT;
    if (Files.exists(file)) {
      try {
        loaded =
            Json.read(Files.readString(file, StandardCharsets.UTF_8), WorkspacePreferences.class);
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "workspace preferences {} unreadable, using the defaults: {}", file, e.getMessage());
      }
    }
    return new PreferencesStore(file, loaded);
  }

  public Path file() {
    return file;
  }

  public WorkspacePreferences get() {
    return current.get();
  }

  /** Changes the preferences and schedules a write. */
  public void update(UnaryOperator<WorkspacePreferences> change) {
    WorkspacePreferences now = current.updateAndGet(change);
    if (unsaved.getAndSet(now) == null) {
      writer.execute(this::write);
    }
  }

  private void write() {
    WorkspacePreferences prefs = unsaved.getAndSet(null);
    if (prefs == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, Json.write(prefs), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("cannot save the workspace preferences to {}: {}", file, e.getMessage());
    }
  }

  @Override
  public double[] dividers(String splitId) {
    List<Double> saved = current.get().dividers().get(splitId);
    return saved == null ? null : saved.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public void dividersMoved(String splitId, double[] positions) {
    List<Double> list = Arrays.stream(positions).boxed().toList();
    update(p -> p.withDividers(splitId, list));
  }

  @Override
  public boolean detached(String panelId) {
    return current.get().detached().contains(panelId);
  }

  @Override
  public void setDetached(String panelId, boolean detached) {
    update(p -> p.withDetached(panelId, detached));
  }

  /** Writes what is pending and stops the writer (waits up to 2 s; called on close). */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("workspace preferences not saved within 2 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
