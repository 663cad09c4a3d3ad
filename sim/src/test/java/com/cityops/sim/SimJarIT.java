package com.cityops.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.ApiPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar sim/target/cityops-sim.jar}, as a separate process, the way the README starts
 * it.
 */
class SimJarIT {
  static final Path JAR = Path.of("target", "cityops-sim.jar");

  @Test
  void startsOnAnEphemeralPortAndSaysWhich() throws Exception {
    assertThat(JAR).as("built by mvn package").exists();
    assertThat(Path.of("target", "lib")).isDirectory();
    Process process =
        new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--port", "0", "--seed", "7")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).matches("listening on \\d+");
      int port = Integer.parseInt(line.substring("listening on ".length()));
      try (var client = new SimTestClient("http://127.0.0.1:" + port)) {
        assertThat(client.get(ApiPaths.HEALTH).json().get("status").asText()).isEqualTo("ok");
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  @Test
  void helpListsTheOptions() throws Exception {
    Process process =
        new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--help")
            .redirectErrorStream(true)
            .start();
    String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(help)
        .contains(
            "--port", "--seed", "--speed", "--rate", "--scenario", "--data-dir", "--password");
  }

  private static String javaBin() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.exists(java) ? java.toString() : "java";
  }
}
