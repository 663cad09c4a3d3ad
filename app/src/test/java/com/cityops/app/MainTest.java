package com.cityops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.cli.AppOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void helpListsEveryOption() {
    PrintStream original = System.out;
    var out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      Main.main(new String[] {"--help"});
    } finally {
      System.setOut(original);
    }
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help)
        .contains(
            "--demo",
            "--server",
            "--user",
            "--password",
            "--lang",
            "--theme",
            "--screenshot",
            "--ca-bundle",
            "--pin",
            "--proxy",
            "--connect-timeout",
            "--version",
            "doctor");
  }

  @Test
  void demoIsTheDefaultAndServerSwitchesItOff() {
    AppOptions demo = new AppOptions();
    new CommandLine(demo).parseArgs();
    assertThat(demo.demo()).isTrue();
    AppOptions real = new AppOptions();
    new CommandLine(real).parseArgs("--server", "https://cityops.example.gov.cn");
    assertThat(real.demo()).isFalse();
    assertThat(real.server()).isEqualTo("https://cityops.example.gov.cn");
  }
}
