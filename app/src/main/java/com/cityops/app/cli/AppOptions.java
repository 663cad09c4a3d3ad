package com.cityops.app.cli;

import com.cityops.app.platform.LogDirectory;
import com.cityops.app.platform.UserDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The desktop app's command line ({@code java -jar cityops.jar --help}). */
@Command(
    name = "cityops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
      "CityOps Console (城运指挥): the desktop client of a city operations centre's 一网统管 platform.",
      "Start with --demo to run against the embedded reference backend, or --server URL for a real one."
    })
public final class AppOptions {
  /**
   * Adds the per-user folders, the environment variables and the exit codes to {@code --help}
   * (picocli calls this while it builds the command).
   */
  @Spec
  void describeFiles(CommandSpec spec) {
    UserDirectories dirs = UserDirectories.current();
    spec.usageMessage()
        .footerHeading("%nFiles (per user):%n")
        .footer(
            "  data    " + dirs.data() + "  (--data-dir)",
            "          offline state, action outbox",
            "  cache   " + dirs.cache() + "  (DIR/cache under --data-dir DIR)",
            "          HTTP tiles (tiles/), the installed offline basemap (basemap/)",
            "  logs    " + LogDirectory.current(),
            "          cityops.log: rolled daily and at 10 MB, kept 14 days, 100 MB at most",
            "  config  " + dirs.config(),
            "          kiosk.env and wall files of the kiosk service (docs/wall-setup.md)",
            "",
            "Environment:",
            "  CITYOPS_PASSWORD  the password when --password is not given",
            "  CITYOPS_LOG_DIR   another log folder (also -Dcityops.log.dir=DIR)",
            "  XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME (Linux),",
            "  APPDATA, LOCALAPPDATA (Windows): where the folders above are",
            "",
            "Exit codes: 0 done; 1 a command failed (doctor: a check failed); 2 bad options.",
            "cityops COMMAND --help describes a command's options.");
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Backend backend = new Backend();

  @picocli.CommandLine.Mixin ConnectionOptions connection = new ConnectionOptions();

  @picocli.CommandLine.Mixin SignInOptions signIn = new SignInOptions();

  @Option(
      names = "--lang",
      description =
          "UI language: zh-CN or en. Default: what the user last chose in the settings menu, else"
              + " zh-CN.")
  String language;

  @Option(
      names = "--theme",
      description =
          "dark (for walls and control rooms), light or high-contrast. Default: what the user last"
              + " chose in the settings menu, else dark.")
  String theme;

  @Option(
      names = "--map-style",
      description =
          "The one-map's layer style file (JSON, see docs/map-style-format.md). Default: the theme's"
              + " bundled style.")
  Path mapStyle;

  @Option(
      names = "--basemap",
      paramLabel = "FILE|URL|none",
      description =
          "The basemap: a MapLibre style (v8) file or http(s) URL, or none. Default: the theme's"
              + " bundled style over the offline Shanghai pack.")
  String basemap;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Per-user data: offline state, action outbox (and the tile caches in DIR/cache when"
              + " given). Default: the platform's user"
              + " data folder (${DEFAULT-VALUE}).")
  Path dataDir = UserDirectories.current().data();

  @Option(
      names = "--status-port",
      description =
          "Serve /status (JSON) and /metrics (Prometheus) on this port; 0 picks one; off by default.")
  int statusPort = -1;

  @Option(
      names = "--status-address",
      description =
          "Address the status endpoint binds to. Default: ${DEFAULT-VALUE} (loopback only).")
  String statusAddress = "127.0.0.1";

  @Option(names = "--width", description = "Window width in px. Default: ${DEFAULT-VALUE}")
  int width = 1920;

  @Option(names = "--height", description = "Window height in px. Default: ${DEFAULT-VALUE}")
  int height = 1080;

  @Option(
      names = "--sim-seed",
      description = "With --demo: seed of the simulated city. Default: ${DEFAULT-VALUE}")
  long simSeed = 20261122L;

  @Option(
      names = "--sim-speed",
      description = "With --demo: city clock speed (X times real time). Default: ${DEFAULT-VALUE}")
  double simSpeed = 1;

  @Option(
      names = "--record",
      description = "Write every applied stream message (and the starting snapshot) to this file.")
  Path record;

  @Option(
      names = "--replay",
      description =
          "Play a recording made with --record instead of connecting (no backend needed).")
  Path replay;

  @Option(
      names = "--replay-speed",
      description = "Replay X times faster than it was recorded. Default: ${DEFAULT-VALUE}")
  double replaySpeed = 1;

  @Option(
      names = "--sim-rate",
      description = "With --demo: extra events per second (load test). Default: ${DEFAULT-VALUE}")
  double simRate = 0;

  @Option(
      names = "--sim-scenario",
      description = "With --demo: normal or rainstorm. Default: ${DEFAULT-VALUE}")
  String simScenario = "normal";

  @Option(
      names = "--screenshot",
      description = "Save a PNG of the window once data is shown, then exit (for docs and checks).")
  Path screenshot;

  @Option(
      names = "--screenshot-delay",
      description =
          "Wait this long after the first data before the screenshot (ISO-8601 duration). Default: ${DEFAULT-VALUE}")
  Duration screenshotDelay = Duration.ofSeconds(3);

  @Option(
      names = "--lock-after",
      description =
          "Lock the workstation after this long without input (ISO-8601 duration; PT0S: never, for"
              + " walls). Ctrl+L locks at once. Default: ${DEFAULT-VALUE}")
  Duration lockAfter = Duration.ofMinutes(10);

  @Option(
      names = "--sso",
      arity = "0..1",
      paramLabel = "ISSUER",
      fallbackValue = SSO_AT_BACKEND,
      description =
          "Sign on with OpenID Connect in the system browser (authorization code + PKCE, RFC 8252)"
              + " instead of a password. ISSUER is the provider's URL; without it, the backend's own.")
  String sso;

  @Option(
      names = "--sso-client-id",
      description = "The client id registered at the provider. Default: ${DEFAULT-VALUE}")
  String ssoClientId = "cityops-console";

  @Option(
      names = "--no-keychain",
      description =
          "Keep single sign-on tokens in the encrypted file in the data folder even where an OS"
              + " keychain (Credential Manager, Secret Service, Keychain) answers.")
  boolean noKeychain;

  @Option(
      names = "--wall",
      paramLabel = "FILE",
      description =
          "Drive a video wall: one window per screen, panels and modes as the wall layout file"
              + " says (docs/wall-setup.md, examples in docs/walls/). The seat never locks.")
  Path wall;

  @Option(
      names = "--kiosk",
      description =
          "Unattended seat or wall: full screen, no exit by ordinary keys (Ctrl+Alt+Shift+Q and the"
              + " administrator PIN leave), pointer hidden at rest, screen kept on, burn-in shift,"
              + " exit code 70 when the FX thread hangs (the kiosk service restarts it).")
  boolean kiosk;

  @Option(
      names = "--kiosk-pin-file",
      paramLabel = "FILE",
      description =
          "With --kiosk: the file holding the administrator PIN that leaves kiosk mode (keep it"
              + " private). Without it there is no exit from the screen; stop the service instead.")
  Path kioskPinFile;

  @Option(
      names = "--wall-role",
      paramLabel = "controller|follower",
      description =
          "With --wall on a wall of several PCs: the controller decides what the wall shows and"
              + " sends it through the backend (wall.scene); a follower shows the same."
              + " Default: ${DEFAULT-VALUE}")
  String wallRole = "controller";

  @Option(
      names = "--wall-screens",
      paramLabel = "ID",
      split = ",",
      description =
          "With --wall: the screens of the layout this PC drives (default: all); the other PCs of"
              + " the wall drive the rest.")
  List<String> wallScreens = new ArrayList<>();

  @Option(
      names = "--control-token-file",
      paramLabel = "FILE",
      description =
          "With --wall and --status-port: open the remote control (POST /control/mode|view|page|"
              + "freeze on the status endpoint) to callers presenting the token in FILE as"
              + " 'Authorization: Bearer <token>' (docs/wall-setup.md).")
  Path controlTokenFile;

  @Option(
      names = "--snapshot-dir",
      paramLabel = "DIR",
      description =
          "With --wall: once fully loaded, render every screen of the wall in both modes to"
              + " DIR/<screen>-<mode>.png and exit (previews for planning a wall); exit 3 with the"
              + " reason when that does not happen within --snapshot-timeout.")
  Path snapshotDir;

  /** {@code --sso} given without an issuer: the backend is the provider. */
  public static final String SSO_AT_BACKEND = "backend";

  @Option(
      names = "--snapshot",
      paramLabel = "FILE.png",
      description =
          "Wait for the first full load (snapshot applied, boundary layers drawn, map settled,"
              + " basemap complete), save the main window as a PNG and exit 0; exit 3 with the"
              + " reason when that does not happen within --snapshot-timeout.")
  Path snapshot;

  @Option(
      names = "--snapshot-timeout",
      description = "How long --snapshot waits (ISO-8601 duration). Default: ${DEFAULT-VALUE}")
  Duration snapshotTimeout = Duration.ofSeconds(60);

  /** Where the data comes from. */
  static final class Backend {
    @Option(
        names = "--demo",
        description = "Start the embedded reference backend in-process and connect to it.")
    boolean demo;

    @Option(
        names = "--server",
        description =
            "Connect to a running backend, e.g. https://cityops.example.gov.cn or http://127.0.0.1:8787")
    String server;
  }

  public boolean demo() {
    return replay == null && (backend.demo || backend.server == null);
  }

  public Path record() {
    return record;
  }

  public Path replay() {
    return replay;
  }

  public double replaySpeed() {
    return replaySpeed;
  }

  public String server() {
    return backend.server;
  }

  public com.cityops.app.feed.TransportSettings transport() {
    return connection.settings();
  }

  /**
   * Refuses, before any window opens, a backend address the transport rules do not allow (plain
   * http:// to another machine).
   *
   * @throws IllegalArgumentException saying what to do instead
   */
  public void checkServer() {
    if (server() == null) {
      return;
    }
    java.net.URI uri = java.net.URI.create(server());
    transport().checkScheme(uri.getScheme(), uri.getHost() == null ? "" : uri.getHost());
  }

  public String user() {
    return signIn.user();
  }

  /** The password to use: the option, then the environment, then the user name. */
  public String password() {
    return signIn.password();
  }

  /** The language to start in: the one given, else zh-CN. */
  public String language() {
    return language == null ? "zh-CN" : language;
  }

  /** The theme to start in: the one given, else dark. */
  public String theme() {
    return theme == null ? "dark" : theme;
  }

  /** The language given on the command line (it overrides the user's choice), or null. */
  public String languageGiven() {
    return language;
  }

  /** The theme given on the command line (it overrides the user's choice), or null. */
  public String themeGiven() {
    return theme;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Where tiles and the installed basemap pack are kept: the platform's cache folder, or beside the
   * data under an explicit {@code --data-dir} (so a test or a second instance keeps to its folder).
   */
  public Path cacheDir() {
    UserDirectories dirs = UserDirectories.current();
    return dataDir.equals(dirs.data()) ? dirs.cache() : dataDir.resolve("cache");
  }

  /** A basemap style file or URL, "none", or null for the bundled one. */
  public String basemap() {
    return basemap;
  }

  /** A style file replacing the theme's map style, or null. */
  public Path mapStyle() {
    return mapStyle;
  }

  public int statusPort() {
    return statusPort;
  }

  public String statusAddress() {
    return statusAddress;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long simSeed() {
    return simSeed;
  }

  public double simSpeed() {
    return simSpeed;
  }

  public double simRate() {
    return simRate;
  }

  public String simScenario() {
    return simScenario;
  }

  public Path screenshot() {
    return screenshot;
  }

  /** The OpenID Connect issuer to sign on at, {@link #SSO_AT_BACKEND}, or null for a password. */
  public String ssoIssuer() {
    return sso;
  }

  public String ssoClientId() {
    return ssoClientId;
  }

  /** Whether SSO tokens may go to the OS keychain. */
  public boolean keychain() {
    return !noKeychain;
  }

  /** Idle time before the session locks; zero or negative: never. */
  public Duration lockAfter() {
    return wall != null ? Duration.ZERO : lockAfter;
  }

  /** {@code --wall}: the wall layout file, or null for a workstation. */
  public Path wall() {
    return wall;
  }

  /** {@code --snapshot-dir}: where to render the wall's screens, or null. */
  public boolean kiosk() {
    return kiosk;
  }

  private String kioskPin;

  /**
   * The administrator PIN from {@code --kiosk-pin-file}, read once (before any window opens), or
   * null when none is configured.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no PIN
   */
  public synchronized String kioskPin() {
    if (kioskPinFile == null || kioskPin != null) {
      return kioskPin;
    }
    try {
      kioskPin = java.nio.file.Files.readString(kioskPinFile).strip();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "--kiosk-pin-file: cannot read " + kioskPinFile + ": " + e.getMessage());
    }
    if (kioskPin.length() < 4) {
      throw new IllegalArgumentException(
          "--kiosk-pin-file: " + kioskPinFile + " must hold a PIN of at least 4 characters");
    }
    return kioskPin;
  }

  /** {@code --wall-role}, checked: "controller" or "follower". */
  public String wallRole() {
    String role = wallRole.toLowerCase(java.util.Locale.ROOT);
    if (!role.equals("controller") && !role.equals("follower")) {
      throw new IllegalArgumentException(
          "--wall-role must be controller or follower, not '" + wallRole + "'");
    }
    return role;
  }

  public java.util.Set<String> wallScreens() {
    return java.util.Set.copyOf(wallScreens);
  }

  public Path controlTokenFile() {
    return controlTokenFile;
  }

  public Path snapshotDir() {
    return snapshotDir;
  }

  public Duration screenshotDelay() {
    return screenshotDelay;
  }

  /** {@code --snapshot}: the PNG to write once fully loaded, or null. */
  public Path snapshot() {
    return snapshot;
  }

  public Duration snapshotTimeout() {
    return snapshotTimeout;
  }
}
