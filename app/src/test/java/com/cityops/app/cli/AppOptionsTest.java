package com.cityops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.platform.UserDirectories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AppOptionsTest {

  @Test
  void theDataFolderDefaultsToThePlatformsAndDataDirOverridesIt() {
    AppOptions defaults = new AppOptions();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.dataDir()).isEqualTo(UserDirectories.current().data());

    AppOptions moved = new AppOptions();
    new CommandLine(moved).parseArgs("--data-dir", "/tmp/wall-1");
    assertThat(moved.dataDir()).isEqualTo(Path.of("/tmp/wall-1"));
  }

  @Test
  void helpNamesTheFoldersTheEnvironmentAndTheExitCodes() {
    var out = new StringWriter();
    var cli = new CommandLine(new AppOptions());
    cli.setOut(new PrintWriter(out));
    cli.execute("--help");
    UserDirectories dirs = UserDirectories.current();
    assertThat(out.toString())
        .contains("--data-dir=DIR", "--version")
        .contains(dirs.data().toString(), dirs.config().toString())
        .contains("logs", "cityops.log", "10 MB", "100 MB")
        .contains("CITYOPS_PASSWORD", "CITYOPS_LOG_DIR", "XDG_STATE_HOME", "LOCALAPPDATA")
        .contains("Exit codes");
    assertThat(out.toString().lines()).allMatch(line -> line.length() <= 80, "fits 80 columns");
  }

  @Test
  void versionPrintsTheVersionAndTheCommit() {
    var out = new StringWriter();
    var cli = new CommandLine(new AppOptions());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString()).startsWith("CityOps Console ").contains("\ncommit ");
  }
}
