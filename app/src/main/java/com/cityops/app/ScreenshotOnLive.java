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
 *
 * <p>{@code --snapshot FILE} ({@link #whenReady}): instead of a fixed delay, waits until the app
 * says it is fully loaded, and fails with the reason when it is not within a timeout.
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

  /**
   * Takes the picture as soon as {@code notReady} answers null (checked on the FX thread four times
   * a second); when it still names a reason after {@code timeout}, hands that reason to {@code
   * failed} instead.
   */
  void whenReady(
      java.util.function.Supplier<String> notReady,
      Duration timeout,
      java.util.function.Consumer<String> failed) {
    long deadline = System.nanoTime() + timeout.toNanos();
    javafx.animation.Timeline poll = new javafx.animation.Timeline();
    poll.getKeyFrames()
        .add(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(250),
                e -> {
                  String reason = notReady.get();
                  if (reason == null) {
                    poll.stop();
                    taken = true;
                    take();
                  } else if (System.nanoTime() > deadline) {
                    poll.stop();
                    failed.accept("not fully loaded after " + timeout + ": " + reason);
                  }
                }));
    poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
    poll.play();
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
