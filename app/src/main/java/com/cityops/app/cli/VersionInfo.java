package com.cityops.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The app's version and the commit it was built from, for {@code --version}, the window title and
 * {@code /status}.
 *
 * <p>The version comes from the jar manifest ({@code Implementation-Version}), else from {@code
 * build-info.properties} beside this class, which the build fills in with the version and the
 * commit ({@code git rev-parse HEAD}, by buildnumber-maven-plugin). A build outside a git checkout
 * has no commit: it says {@code unknown}. Run from classes that no build made, the version is
 * {@code dev}.
 *
 * <p>Immutable and thread-safe; the properties are read once.
 */
public final class VersionInfo implements CommandLine.IVersionProvider {
  static final String UNKNOWN = "unknown";
  private static final String RESOURCE = "build-info.properties";

  private static final Build BUILD = Build.of(readResource(), manifestVersion());

  /** What one build says about itself. */
  record Build(String version, String commit) {
    static Build of(Properties build, String manifestVersion) {
      String version = manifestVersion;
      if (version == null || version.isBlank()) {
        version = build.getProperty("version", "");
      }
      if (version.isBlank() || version.startsWith("${")) {
        version = "dev";
      }
      String commit = build.getProperty("commit", "").trim();
      // A commit is hex; anything else ("unknown", an unfiltered "${buildNumber}") is unknown.
      return new Build(version, commit.matches("[0-9a-f]{7,64}") ? commit : UNKNOWN);
    }

    /** The first 10 hex digits of the commit, or {@code unknown}. */
    String shortCommit() {
      return commit.equals(UNKNOWN) ? commit : commit.substring(0, Math.min(10, commit.length()));
    }

    String[] lines() {
      return new String[] {
        "CityOps Console " + version,
        "commit " + commit,
        "Java "
            + System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vendor", "?")
            + "), "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
      };
    }
  }

  /** The app's version, e.g. {@code 0.1.0}; {@code dev} when run from classes. */
  public static String version() {
    return BUILD.version();
  }

  /** The full hash of the commit the app was built from, or {@code unknown}. */
  public static String commit() {
    return BUILD.commit();
  }

  /** The version and the short commit, e.g. {@code 0.1.0 (3ad0af9c12)}, for support. */
  public static String describe() {
    return BUILD.version() + " (" + BUILD.shortCommit() + ")";
  }

  @Override
  public String[] getVersion() {
    return BUILD.lines();
  }

  private static String manifestVersion() {
    return VersionInfo.class.getPackage().getImplementationVersion();
  }

  private static Properties readResource() {
    Properties properties = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // A damaged jar: say "unknown" rather than refuse to start.
      properties.clear();
    }
    return properties;
  }
}
