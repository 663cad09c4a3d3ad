package com.cityops.app.wall;

import com.cityops.api.WallScene;
import com.cityops.app.feed.BackendException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a wall controller's scene to the backend on its own {@code cityops-wall-scene} thread. Only
 * the newest scene matters (each is whole), so scenes offered while one is on its way replace each
 * other; the newest is kept until the backend takes it, retried with backoff while it cannot. The
 * first change after a quiet spell goes at once; during a flight at most one every {@link
 * #MIN_GAP}, so a pan does not journal 60 scenes a second. Thread-safe.
 */
public final class WallScenePublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WallScenePublisher.class);

  static final Duration MIN_GAP = Duration.ofMillis(50);
  static final Duration FIRST_RETRY = Duration.ofMillis(500);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  /** Sends one scene; answers the seq the backend journaled it at. */
  @FunctionalInterface
  public interface Sender {
    long send(WallScene scene);
  }

  /** How publishing goes: scenes the backend took, the newest seq, why the newest did not go. */
  public record Progress(long published, long lastSeq, String problem) {}

  private final Sender sender;
  private final LongSupplier nanoClock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-wall-scene"));
  private final AtomicReference<WallScene> newest = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long lastSentNanos = Long.MIN_VALUE / 2;
  private volatile Progress progress = new Progress(0, -1, null);
  private Duration retry = FIRST_RETRY;

  public WallScenePublisher(Sender sender, LongSupplier nanoClock) {
    this.sender = sender;
    this.nanoClock = nanoClock;
  }

  /** The scene now shown; replaces any not sent yet. Any thread. */
  public void offer(WallScene scene) {
    newest.set(scene);
    scheduleIfIdle();
  }

  public Progress progress() {
    return progress;
  }

  private void scheduleIfIdle() {
    if (scheduled.compareAndSet(false, true)) {
      long wait = lastSentNanos + MIN_GAP.toNanos() - nanoClock.getAsLong();
      executor.schedule(this::sendNewest, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }
  }

  private void sendNewest() {
    WallScene scene = newest.getAndSet(null);
    if (scene != null) {
      try {
        long seq = sender.send(scene);
        progress = new Progress(progress.published() + 1, seq, null);
        retry = FIRST_RETRY;
      } catch (BackendException e) {
        if (e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 429) {
          // refused for good (role, malformed): retrying the same scene cannot help
          LOG.error("the backend refused the wall's scene: {}", e.getMessage());
          progress = new Progress(progress.published(), progress.lastSeq(), e.getMessage());
        } else {
          keepForLater(scene, e);
          return;
        }
      } catch (RuntimeException e) {
        keepForLater(scene, e);
        return;
      }
      lastSentNanos = nanoClock.getAsLong();
    }
    scheduled.set(false);
    if (newest.get() != null) {
      scheduleIfIdle();
    }
  }

  /** The backend is away: keep the scene (unless a newer one came) and try again later. */
  private void keepForLater(WallScene scene, RuntimeException why) {
    newest.compareAndSet(null, scene);
    String problem = why.getMessage() == null ? why.toString() : why.getMessage();
    if (!problem.equals(progress.problem())) {
      LOG.warn("the wall's scene did not reach the backend, trying again: {}", problem);
    }
    progress = new Progress(progress.published(), progress.lastSeq(), problem);
    Duration wait = retry;
    retry =
        retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
    executor.schedule(this::sendNewest, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
