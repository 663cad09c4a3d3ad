package com.cityops.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --screenshot FILE}: once the feed is live and the views have had a moment to fill,
 * snapshot the scene (on the FX thread), write the PNG (on the io thread), then exit. Used for the
 * docs' screenshots and for checking a build under Xvfb.
 */
final class ScreenshotOnLive {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenshotOnLive.class);

  private final Scene scene;
  private final Path file;
  private final Duration delay;
  private final Executor io;
  private final Runnable then;
  private boolean taken;

  ScreenshotOnLive(Scene scene, Path file, Duration delay, Executor io, Runnable then) {
    this.scene = scene;
    this.file = file;
    this.delay = delay;
    this.io = io;
    this.then = then;
  }

  <T> void watch(ObservableValue<T> value, T trigger) {
    value.addListener(
        (obs, old, now) -> {
          if (!taken && trigger.equals(now)) {
            taken = true;
            PauseTransition wait =
                new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> take());
            wait.play();
          }
        });
  }

  private void take() {
    WritableImage image = scene.snapshot(null);
    var buffered = SwingFXUtils.fromFXImage(image, null);
    io.execute(
        () -> {
          try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
              Files.createDirectories(parent);
            }
            ImageIO.write(buffered, "png", file.toFile());
            LOG.info("screenshot written to {}", file.toAbsolutePath());
            System.out.println("screenshot " + file.toAbsolutePath());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + file, e);
          } finally {
            then.run();
          }
        });
  }
}
