package com.cityops.app.detail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detail panel's own thread ({@code cityops-detail-N}, daemon) for what the FX thread must not
 * wait on: queueing actions (the outbox writes them to disk), saving SOP ticks, appending audit
 * records. One thread, so a case's writes keep their order. Failures are logged and handed to the
 * panel to show; shut down when the window closes.
 */
final class DetailWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DetailWorker.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cityops-detail-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /**
   * Runs {@code work}; if it fails, {@code failed} gets a sentence saying what went wrong (on this
   * worker's thread: it must only schedule work onto the FX door).
   */
  void run(String what, Runnable work, Consumer<String> failed) {
    if (executor.isShutdown()) {
      return;
    }
    executor.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            LOG.error("{} failed", what, e);
            failed.accept(what + ": " + e.getMessage());
          }
        });
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
