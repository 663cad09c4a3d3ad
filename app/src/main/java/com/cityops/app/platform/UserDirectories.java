package com.cityops.app.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The per-user folders of the app, by each platform's convention. Nothing is created here; the code
 * that writes a folder creates it.
 *
 * <table>
 *   <caption>Where each folder is</caption>
 *   <tr><th></th><th>Linux (XDG Base Directory spec)</th><th>Windows</th><th>macOS</th></tr>
 *   <tr><td>{@link #config()}</td><td>{@code $XDG_CONFIG_HOME/cityops} (default {@code
 *       ~/.config})</td><td>{@code %APPDATA%\CityOps}</td><td>{@code ~/Library/Application
 *       Support/CityOps}</td></tr>
 *   <tr><td>{@link #data()}</td><td>{@code $XDG_DATA_HOME/cityops} (default {@code
 *       ~/.local/share})</td><td>{@code %LOCALAPPDATA%\CityOps}</td><td>{@code
 *       ~/Library/Application Support/CityOps}</td></tr>
 *   <tr><td>{@link #cache()}</td><td>{@code $XDG_CACHE_HOME/cityops} (default {@code
 *       ~/.cache})</td><td>{@code %LOCALAPPDATA%\CityOps\cache}</td><td>{@code
 *       ~/Library/Caches/CityOps}</td></tr>
 *   <tr><td>{@link #logs()}</td><td>{@code $XDG_STATE_HOME/cityops/logs} (default {@code
 *       ~/.local/state})</td><td>{@code %LOCALAPPDATA%\CityOps\logs}</td><td>{@code
 *       ~/Library/Logs/CityOps}</td></tr>
 * </table>
 *
 * <p>The data folder holds what must survive a restart and is not a setting: the offline state, the
 * action outbox (actions not yet confirmed by the backend); tiles and the installed basemap pack go
 * to the cache folder. It is not the XDG cache folder because a cache may be wiped at any time and
 * the outbox must not. As the XDG spec says, a variable that is empty or not an absolute path is
 * ignored. Windows variables that are missing fall back to {@code %USERPROFILE%\AppData\Roaming}
 * and {@code \Local}.
 *
 * <p>Immutable and thread-safe.
 */
public record UserDirectories(Path config, Path data, Path cache, Path logs) {
  public UserDirectories {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(logs, "logs");
  }

  /** The folders for this JVM's user and platform. */
  public static UserDirectories current() {
    return of(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
  }

  /** The folders for a platform ({@code os.name}), environment and home folder. */
  public static UserDirectories of(Map<String, String> env, String osName, String userHome) {
    Path home = Path.of(userHome);
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      Path roaming = windowsVariable(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
      Path local = windowsVariable(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
      Path app = local.resolve("CityOps");
      return new UserDirectories(
          roaming.resolve("CityOps"), app, app.resolve("cache"), app.resolve("logs"));
    }
    if (os.startsWith("mac")) {
      Path library = home.resolve("Library");
      Path support = library.resolve("Application Support").resolve("CityOps");
      return new UserDirectories(
          support,
          support,
          library.resolve("Caches").resolve("CityOps"),
          library.resolve("Logs").resolve("CityOps"));
    }
    return new UserDirectories(
        xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("cityops"),
        xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("cityops"),
        xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("cityops"),
        xdg(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"))
            .resolve("cityops")
            .resolve("logs"));
  }

  private static Path xdg(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    // "All paths set in these environment variables must be absolute. If an implementation
    // encounters a relative path in any of these variables it should consider the path invalid
    // and ignore it." (XDG Base Directory Specification 0.8)
    if (value == null || value.isBlank() || !value.startsWith("/")) {
      return fallback;
    }
    return Path.of(value);
  }

  private static Path windowsVariable(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }
}
