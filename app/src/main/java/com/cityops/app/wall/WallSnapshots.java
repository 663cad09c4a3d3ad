package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --wall FILE --snapshot-dir DIR}: once the wall is fully loaded, every screen in the mode
 * it started in, then in the other, as {@code DIR/<screen>-<mode>.png}; then the app exits.
 * Pictures are taken on the FX thread and written on the io thread.
 */
public final class WallSnapshots {
  private static final Logger LOG = LoggerFactory.getLogger(WallSnapshots.class);

  private final WallDisplay wall;
  private final WallWindows windows;
  private final Path dir;
  private final Executor io;
  private final Runnable done;
  private final Consumer<String> failed;
  private final List<OperatingMode> todo = new ArrayList<>();
  private long deadline;
  private Supplier<String> notReady;
  private Timeline poll;

  public WallSnapshots(
      WallDisplay wall,
      WallWindows windows,
      Path dir,
      Executor io,
      Runnable done,
      Consumer<String> failed) {
    this.wall = wall;
    this.windows = windows;
    this.dir = dir;
    this.io = io;
    this.done = done;
    this.failed = failed;
  }

  /** Starts as soon as {@code notReady} answers null; fails with its reason after the timeout. */
  public void whenReady(Supplier<String> notReady, Duration timeout) {
    this.notReady = notReady;
    deadline = System.nanoTime() + timeout.toNanos();
    poll = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> step()));
    poll.setCycleCount(Animation.INDEFINITE);
    poll.play();
  }

  private void step() {
    String reason = todo.isEmpty() && notReady != null ? notReady.get() : null;
    if (reason == null && notReady != null) {
      notReady = null; // loaded: from now on only the wall's own readiness counts
      todo.add(wall.mode());
      todo.add(
          wall.mode() == OperatingMode.NORMAL ? OperatingMode.EMERGENCY : OperatingMode.NORMAL);
    }
    if (notReady == null && !todo.isEmpty()) {
      OperatingMode next = todo.get(0);
      if (wall.mode() != next) {
        wall.command(next);
        return;
      }
      if (wall.settled()) {
        take(todo.remove(0));
        if (todo.isEmpty()) {
          poll.stop();
          io.execute(done);
        }
        return;
      }
      reason = "wall maps not drawn yet (" + next + ")";
    }
    if (reason != null && System.nanoTime() > deadline) {
      poll.stop();
      failed.accept("not fully loaded in time: " + reason);
    }
  }

  private void take(OperatingMode mode) {
    for (Map.Entry<String, Stage> e : windows.stages().entrySet()) {
      var image = e.getValue().getScene().snapshot(null);
      var buffered = SwingFXUtils.fromFXImage(image, null);
      Path file = dir.resolve(e.getKey() + "-" + mode.name().toLowerCase(Locale.ROOT) + ".png");
      io.execute(
          () -> {
            try {
              Files.createDirectories(dir);
              ImageIO.write(buffered, "png", file.toFile());
              LOG.info("wall snapshot written to {}", file.toAbsolutePath());
              System.out.println("snapshot " + file.toAbsolutePath());
            } catch (IOException ex) {
              throw new UncheckedIOException("cannot write " + file, ex);
            }
          });
    }
  }
}
