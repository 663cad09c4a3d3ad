package com.cityops.app.platform;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder the rolling log files go to, for {@code cityops-logback.xml} ({@code <define
 * name="LOG_DIR" class="com.cityops.app.platform.LogDirectory"/>}): the system property {@code
 * cityops.log.dir}, else the environment variable {@code CITYOPS_LOG_DIR}, else the platform's log
 * folder ({@link UserDirectories#logs()}). Logback creates the folder when it opens the file.
 *
 * <p>Logback calls it once, while it configures itself; stateless.
 */
public final class LogDirectory extends PropertyDefinerBase {
  public static final String PROPERTY = "cityops.log.dir";
  public static final String ENVIRONMENT = "CITYOPS_LOG_DIR";

  /** The log folder for these settings. */
  public static Path resolve(String property, Map<String, String> env, UserDirectories dirs) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String fromEnv = env.get(ENVIRONMENT);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return dirs.logs();
  }

  /** The log folder of this JVM. */
  public static Path current() {
    return resolve(System.getProperty(PROPERTY), System.getenv(), UserDirectories.current());
  }

  @Override
  public String getPropertyValue() {
    return current().toString();
  }
}
