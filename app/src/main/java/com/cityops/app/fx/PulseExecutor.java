package com.cityops.app.fx;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs tasks on the FX thread at the start of the next pulse, all together — so data reaches the
 * views at most once per frame however fast it arrives. Its timer runs only while there is work: an
 * idle client does not keep the toolkit pulsing.
 *
 * <p>Thread-safe: {@link #execute} may be called from any thread.
 */
final class PulseExecutor implements Executor {
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final PulseStats stats;
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          runQueued();
        }
      };

  PulseExecutor(PulseStats stats) {
    this.stats = stats;
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    if (armed.compareAndSet(false, true)) {
      Platform.runLater(timer::start);
    }
  }

  private void runQueued() {
    // Disarm first: a task queued while we drain arms again and is run on the next pulse.
    armed.set(false);
    long t0 = System.nanoTime();
    // Only what was queued before this pulse: tasks queued by other threads meanwhile wait for the
    // next one, or a busy producer would keep this pulse going.
    int due = queue.size();
    int ran = 0;
    for (Runnable task; ran < due && (task = queue.poll()) != null; ) {
      task.run();
      ran++;
    }
    if (ran == 0) {
      timer.stop();
    } else if (stats != null) {
      stats.addWork(System.nanoTime() - t0);
    }
  }
}
