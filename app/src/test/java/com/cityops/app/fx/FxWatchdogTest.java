package com.cityops.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxWatchdogTest {
  @Test
  void aBusyThreadIsCountedAsOneStallAndAnIdleOneAsNone() throws Exception {
    // A thread of our own plays the FX thread: the watchdog only needs a door to hand work to.
    ExecutorService fx = Executors.newSingleThreadExecutor();
    try (FxWatchdog watchdog =
        new FxWatchdog(fx, System::nanoTime, Duration.ofSeconds(30), () -> {}).start()) {
      Thread.sleep(300);
      assertThat(watchdog.figures().stalls()).isZero();
      assertThat(watchdog.figures().answers()).isPositive();

      CountDownLatch busy = new CountDownLatch(1);
      fx.execute(
          () -> {
            busy.countDown();
            sleep(400);
          });
      busy.await();
      Thread.sleep(700);
      FxWatchdog.Figures figures = watchdog.figures();
      assertThat(figures.stalls()).isEqualTo(1);
      assertThat(figures.longestMs()).isBetween(150.0, 450.0);
    } finally {
      fx.shutdownNow();
      fx.awaitTermination(1, TimeUnit.SECONDS);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
