package com.cityops.app.indicators;

import com.cityops.api.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key indicators (关键体征) each operator pinned, one small JSON file per user in the per-user data
 * folder: {@code indicator-pins/<user>.json} holding {@code {"pinned":["id", …]}} in the operator's
 * order. Written atomically (temp file + move), so a crash never leaves half a file.
 *
 * <p>Blocking file I/O: call off the FX thread. Thread-safe (no state beside the folder).
 */
final class PinStore {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final Path folder;

  /**
   * @param dataDir the per-user data folder ({@code AppOptions.dataDir()})
   */
  PinStore(Path dataDir) {
    this.folder = dataDir.resolve("indicator-pins");
  }

  /** The user's pins, or empty when the user never pinned (then the defaults apply). */
  Optional<List<String>> load(String user) {
    Path file = fileOf(user);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Pins pins = Json.mapper().readValue(Files.readString(file), new TypeReference<Pins>() {});
      return Optional.of(pins.pinned() == null ? List.of() : List.copyOf(pins.pinned()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the pinned indicators of " + user + " from " + file + ": " + e.getMessage(),
          e);
    }
  }

  void save(String user, List<String> pinned) {
    Path file = fileOf(user);
    try {
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, ".pins-", ".tmp");
      Files.writeString(temp, Json.write(new Pins(List.copyOf(pinned))) + "\n");
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save the pinned indicators of " + user + " to " + file + ": " + e.getMessage(),
          e);
    }
  }

  Path fileOf(String user) {
    // Usernames may hold characters a file name cannot; the hash keeps distinct names distinct.
    String safe = UNSAFE.matcher(user).replaceAll("_");
    String name = safe.equals(user) ? safe : safe + "-" + Integer.toHexString(user.hashCode());
    return folder.resolve(name + ".json");
  }

  /** The file's shape. */
  record Pins(List<String> pinned) {}
}
