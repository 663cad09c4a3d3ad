package com.cityops.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens in a real Secret Service: a child JVM in its own D-Bus session with GNOME Keyring
 * (packages {@code dbus-daemon gnome-keyring}, which {@code .ci/run} installs), and, without a bus,
 * the encrypted file instead.
 */
class KeychainTokenStoreIT {
  @TempDir Path home;
  @TempDir Path data;

  private static boolean installed(String command) {
    return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private List<String> run(List<String> command, String busAddress) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
    if (busAddress != null) {
      builder.environment().put("DBUS_SESSION_BUS_ADDRESS", busAddress);
    }
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the child did not finish in 60 s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  private List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KeychainRoundTrip.class.getName());
    command.add(data.toString());
    command.add(Long.toString(System.nanoTime()));
    return command;
  }

  @Test
  void keepsTheTokensInTheSecretServiceAndInNoFile() throws Exception {
    assumeTrue(
        installed("dbus-run-session") && installed("gnome-keyring-daemon"),
        "needs dbus-daemon and gnome-keyring (apt-get install dbus-daemon gnome-keyring)");
    List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "sh", "-c"));
    // The daemon reads the new login keyring's password from stdin; then the JVM runs inside.
    command.add(
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "
            + String.join(" ", java().stream().map(KeychainTokenStoreIT::quoted).toList()));
    List<String> out = run(command, null);
    assertThat(out)
        .contains("store=KeychainTokenStore", "readBack=true", "inAFile=false", "afterClear=false");
  }

  @Test
  void withoutAKeychainTheTokensAreEncryptedInTheDataFolder() throws Exception {
    List<String> out = run(java(), "unix:path=" + home.resolve("no-bus"));
    assertThat(out)
        .contains(
            "store=EncryptedFileTokenStore", "readBack=true", "inAFile=false", "afterClear=false");
    assertThat(out).anyMatch(line -> line.contains("no OS keychain ("));
  }

  private static String quoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
