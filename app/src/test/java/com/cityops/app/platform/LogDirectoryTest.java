package com.cityops.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryTest {
  private static final UserDirectories LINUX = UserDirectories.of(Map.of(), "Linux", "/home/op");

  @Test
  void thePropertyWinsOverTheEnvironmentWhichWinsOverThePlatform() {
    var env = Map.of(LogDirectory.ENVIRONMENT, "/var/log/wall");
    assertThat(LogDirectory.resolve("/tmp/logs", env, LINUX)).isEqualTo(Path.of("/tmp/logs"));
    assertThat(LogDirectory.resolve(null, env, LINUX)).isEqualTo(Path.of("/var/log/wall"));
    assertThat(LogDirectory.resolve(" ", Map.of(), LINUX)).isEqualTo(LINUX.logs());
  }

  @Test
  void theShippedConfigWritesARollingFileWithSizeCapsIntoTheLogFolder(@TempDir Path dir)
      throws Exception {
    String before = System.getProperty(LogDirectory.PROPERTY);
    System.setProperty(LogDirectory.PROPERTY, dir.resolve("logs").toString());
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // what slf4j's binding does for the real one
    try {
      var configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(getClass().getResource("/cityops-logback.xml"));
      assertThat(context.getStatusManager().getCopyOfStatusList())
          .noneMatch(s -> s.getLevel() >= Status.WARN);

      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      var async = (AsyncAppender) root.getAppender("ASYNC_FILE");
      assertThat(async.isNeverBlock()).isTrue();
      var file = (RollingFileAppender<?>) async.getAppender("FILE");
      assertThat(Path.of(file.getFile())).isEqualTo(dir.resolve("logs").resolve("cityops.log"));
      var policy = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
      assertThat(policy.getMaxHistory()).isEqualTo(14);
      assertThat(policy.getFileNamePattern()).endsWith(".log.gz");
      assertThat(policy.getFileNamePattern()).contains("%i").contains("%d{yyyy-MM-dd}");
      // Logback keeps the size caps private; it reports them in its status messages.
      assertThat(context.getStatusManager().getCopyOfStatusList())
          .map(Status::getMessage)
          .anyMatch(m -> m.contains("totalSizeCap to 100 MB"))
          .anyMatch(m -> m.contains("limited to [10 MB] each"));

      context.getLogger("com.cityops.test").info("城运 log line");
    } finally {
      context.stop(); // drains the async queue and closes the file
      if (before == null) {
        System.clearProperty(LogDirectory.PROPERTY);
      } else {
        System.setProperty(LogDirectory.PROPERTY, before);
      }
    }
    String written =
        Files.readString(dir.resolve("logs").resolve("cityops.log"), StandardCharsets.UTF_8);
    assertThat(written).contains("INFO", "com.cityops.test", "城运 log line");
  }
}
