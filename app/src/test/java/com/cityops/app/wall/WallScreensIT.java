package com.cityops.app.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall on a real X server with two monitors: Xorg's dummy driver with RandR outputs DUMMY0 and
 * DUMMY1 side by side (the set-up ../shared/TOOLCHAIN.md verified; Xvfb's Xinerama is one screen to
 * JavaFX). The packaged app runs the 2-screen example; JavaFX must see two screens and put one
 * undecorated window on each, and the picture across the seam must be painted on both sides.
 */
class WallScreensIT {
  private static final Path CONFIG = repo().resolve("scripts/xorg/dummy-randr.conf");
  private static final java.util.concurrent.atomic.AtomicInteger DISPLAYS =
      new java.util.concurrent.atomic.AtomicInteger();
  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  static Path repo() {
    return WallLayoutReaderTest.walls().getParent().getParent();
  }

  private static boolean installed(String command) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }

  private Process start(List<String> command, String display, Path log) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    if (display != null) {
      builder.environment().put("DISPLAY", display);
    }
    Process p = builder.start();
    processes.add(p);
    return p;
  }

  private void run(String display, String... command) throws Exception {
    Process p = start(List.of(command), display, dir.resolve("cmd.log"));
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
  }

  @AfterEach
  void stop() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void oneWindowPerScreenAndTheMapAcrossTheSeam() throws Exception {
    String display = startXorg();
    String outputs = enableSecondMonitor(display);
    Path appLog = startWall(display);
    String log = awaitLog(appLog, "wall screen 'right' on display 1");
    assertThat(log)
        .as("xrandr said:%n%s", outputs)
        .contains("wall screen 'left' on display 0 at 0,0 1920×1080")
        .contains("wall screen 'right' on display 1 at 1920,0 1920×1080")
        .contains("snapshot at seq");
    Thread.sleep(8_000); // the maps draw
    assertBothSidesOfTheSeamPainted(display, "wall-two-screens-xorg.png");
  }

  /**
   * A monitor plugged in after start gets its window, and a resolution change rescales the screen
   * it hits — no restart: JavaFX 21's GTK glass reports RandR changes to {@code
   * Screen.getScreens()}, which the wall's windows listen to.
   */
  @Test
  void aMonitorPluggedInAfterStartGetsItsWindowAndAResolutionChangeRescales() throws Exception {
    String display = startXorg();
    Path appLog = startWall(display);
    awaitLog(appLog, "wall screen 'right' waits for display 1");
    String outputs = enableSecondMonitor(display);
    awaitLog(appLog, "wall screen 'right' on display 1 at 1920,0 1920×1080 (scale 1.000)");
    Thread.sleep(8_000); // the right screen's map draws
    assertBothSidesOfTheSeamPainted(display, "wall-hot-plug-xorg.png");

    run(display, "xrandr", "--output", "DUMMY1", "--mode", "1280x720", "--right-of", "DUMMY0");
    String log = awaitLog(appLog, "wall screen 'right' on display 1 at 1920,0 1280×720");
    assertThat(log).as("xrandr said:%n%s", outputs).contains("1280×720 (scale 0.667)");
  }

  private String startXorg() throws Exception {
    assumeTrue(
        installed("Xorg") && Files.exists(Path.of("/usr/lib/xorg/modules/drivers/dummy_drv.so")),
        "needs xserver-xorg-core and xserver-xorg-video-dummy (.ci/run installs them)");
    // one display number per test: a killed Xorg can leave its lock file behind
    String display =
        ":" + (90 + ((ProcessHandle.current().pid() + DISPLAYS.getAndIncrement()) % 9));
    Path xlog = dir.resolve("xorg.log");
    start(
        List.of(
            "Xorg",
            display,
            "-config",
            CONFIG.toString(),
            "-noreset",
            "-nolisten",
            "tcp",
            "-novtswitch",
            "-sharevts",
            "-logfile",
            dir.resolve("Xorg.0.log").toString()),
        null,
        xlog);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        run(display, "xrandr", "--addmode", "DUMMY1", "1920x1080");
        return display;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > until) {
          throw new AssertionError("Xorg did not start: " + Files.readString(xlog), notYet);
        }
        Thread.sleep(300);
      }
    }
  }

  /** Switches DUMMY1 on, right of DUMMY0; answers what xrandr then says. */
  private String enableSecondMonitor(String display) throws Exception {
    run(display, "xrandr", "--output", "DUMMY1", "--mode", "1920x1080", "--right-of", "DUMMY0");
    // The change can take a moment to show.
    String outputs = "";
    for (int i = 0; i < 40 && !outputs.contains("DUMMY1 connected 1920x1080+1920+0"); i++) {
      Thread.sleep(100);
      run(display, "xrandr");
      outputs = Files.readString(dir.resolve("cmd.log"));
    }
    return outputs;
  }

  private Path startWall(String display) throws Exception {
    Path appLog = dir.resolve("app.log");
    Path jar = repo().resolve("app/target/cityops.jar");
    start(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "--demo",
            "--user",
            "wall",
            "--password",
            "wall",
            "--basemap",
            "none",
            "--data-dir",
            dir.resolve("data").toString(),
            "--wall",
            WallLayoutReaderTest.walls().resolve("two-screens.json").toString()),
        display,
        appLog);
    return appLog;
  }

  private static String awaitLog(Path appLog, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String log = "";
    while (System.nanoTime() < deadline) {
      log = Files.readString(appLog, StandardCharsets.UTF_8);
      if (log.contains("snapshot at seq") && log.contains(line)) {
        return log;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no '" + line + "' in the app's log within 90 s:\n" + log);
  }

  private void assertBothSidesOfTheSeamPainted(String display, String name) throws Exception {
    Path shot = repo().resolve("app/target/screenshots/" + name);
    Files.createDirectories(shot.getParent());
    run(display, "import", "-window", "root", shot.toString());
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(3840);
    // Both windows painted next to the seam (the wall's dark canvas, not X's black root).
    assertThat(painted(image, 1900)).as("left of the seam").isGreaterThan(0.9);
    assertThat(painted(image, 1940)).as("right of the seam").isGreaterThan(0.9);
  }

  /** The share of non-black pixels in a column. */
  private static double painted(BufferedImage image, int x) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      if ((image.getRGB(x, y) & 0xffffff) != 0) {
        n++;
      }
    }
    return n / (double) image.getHeight();
  }
}
