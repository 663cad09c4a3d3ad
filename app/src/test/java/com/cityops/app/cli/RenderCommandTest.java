package com.cityops.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cityops render}: the bundled styles over the offline pack, and clear refusals. */
class RenderCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    RenderCommand command = new RenderCommand();
    new CommandLine(command).parseArgs(args);
    return command.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersBothBundledStylesOverTheOfflinePack() throws Exception {
    for (String theme : new String[] {"dark", "light"}) {
      Path png = dir.resolve(theme + ".png");
      int code =
          run(
              "--theme",
              theme,
              "--center",
              "121.47,31.23",
              "--zoom",
              "11.5",
              "--size",
              "640x400",
              "--scale",
              "1.5",
              "--out",
              png.toString(),
              "--cache-dir",
              dir.resolve("c").toString());
      assertThat(code).as(errors()).isZero();
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(960);
      assertThat(image.getHeight()).isEqualTo(600);
      assertThat(colours(image)).as(theme).isGreaterThan(50); // land, boundaries, labels, water
    }
    assertThat(errors()).doesNotContain("left out").doesNotContain("not drawn");
  }

  @Test
  void aStyleThatIsNotAStyleExitsOneWithTheReason() throws Exception {
    Path style = dir.resolve("broken.json");
    Files.writeString(style, "{\"version\": 8, \"layers\": [");
    assertThat(run("--style", style.toString(), "--out", dir.resolve("x.png").toString()))
        .isEqualTo(1);
    assertThat(errors()).contains("render: MapLibre style is not JSON");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }

  @Test
  void badArgumentsExitTwo() {
    assertThat(run("--size", "wide", "--out", dir.resolve("x.png").toString())).isEqualTo(2);
    assertThat(errors()).contains("--size expects two numbers separated by 'x', got 'wide'");
  }

  static int colours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
