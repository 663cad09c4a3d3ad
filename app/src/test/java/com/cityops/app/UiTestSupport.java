package com.cityops.app;

import com.cityops.app.cli.AppOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import picocli.CommandLine;

/** Opens the app in a TestFX stage with command-line options, and takes scene snapshots. */
public final class UiTestSupport {
  private UiTestSupport() {}

  public static RunningApp open(Stage stage, String... args) {
    AppOptions options = new AppOptions();
    new CommandLine(options).parseArgs(args);
    return new RunningApp(CityOpsApp.startForTest(options, stage));
  }

  /** A fresh per-test data directory, so no test sees another's offline cache. */
  public static Path tempDir() {
    try {
      return Files.createTempDirectory("cityops-ui-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temp dir", e);
    }
  }

  public static void snapshot(FxRobot robot, Path file) throws Exception {
    var image =
        CompletableFuture.supplyAsync(
                () -> robot.window(0).getScene().snapshot(null), Platform::runLater)
            .get(10, TimeUnit.SECONDS);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }

  /** The app under test. */
  public record RunningApp(CityOpsApp app) {
    /** The window's workbench: the selected case, the signed-in user, the outbox. */
    public com.cityops.app.shell.Workbench workbench() {
      return app.workbench();
    }

    /** What the window's watermark says now. */
    public String watermarkText() {
      return app.watermarkText();
    }

    public void close() {
      app.close();
    }
  }
}
