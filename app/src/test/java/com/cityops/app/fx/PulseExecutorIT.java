package com.cityops.app.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The data door on a real FX toolkit: a background thread reporting changes as fast as it can
 * reaches the views at most once per pulse, and the last value always arrives.
 */
@ExtendWith(ApplicationExtension.class)
class PulseExecutorIT {
  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new Label("pulse"), 200, 100));
    stage.show();
  }

  @Test
  void appliesAtMostOncePerPulseAndNeverLosesTheLastChange() throws Exception {
    AtomicInteger pulses = new AtomicInteger();
    AnimationTimer counter =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulses.incrementAndGet();
          }
        };
    Platform.runLater(counter::start);
    AtomicLong source = new AtomicLong();
    AtomicInteger applies = new AtomicInteger();
    AtomicLong seen = new AtomicLong(-1);
    PulseStats stats = new PulseStats();
    FxBridge<Long> bridge =
        new FxBridge<>(
            FxPlatform.pulseExecutor(stats),
            source::get,
            value -> {
              applies.incrementAndGet();
              seen.set(value);
            });
    long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    long changes = 0;
    while (System.nanoTime() < end) {
      source.incrementAndGet();
      bridge.changed();
      changes++;
    }
    long last = source.get();
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() == last);
    Platform.runLater(counter::stop);
    assertThat(changes).isGreaterThan(100_000);
    assertThat(applies.get()).isPositive().isLessThanOrEqualTo(pulses.get() + 2);
  }
}
