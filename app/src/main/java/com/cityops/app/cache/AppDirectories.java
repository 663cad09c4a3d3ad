package com.cityops.app.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps per-user data, by platform convention: {@code $XDG_DATA_HOME/cityops}
 * (default {@code ~/.local/share/cityops}) on Linux, {@code %LOCALAPPDATA%\CityOps} on Windows,
 * {@code ~/Library/Application Support/CityOps} on macOS. {@code --data-dir} overrides it.
 */
public final class AppDirectories {
  private AppDirectories() {}

  public static Path dataDir(Map<String, String> env, String osName, String userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = env.get("LOCALAPPDATA");
      return (local != null ? Path.of(local) : Path.of(userHome, "AppData", "Local"))
          .resolve("CityOps");
    }
    if (os.contains("mac")) {
      return Path.of(userHome, "Library", "Application Support", "CityOps");
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share"))
        .resolve("cityops");
  }

  public static Path dataDir() {
    return dataDir(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
  }
}
