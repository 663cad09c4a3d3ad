package com.cityops.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxBridgeTest {
  private final Queue<Runnable> fxQueue = new ArrayDeque<>();
  private final AtomicInteger source = new AtomicInteger();
  private final List<Integer> applied = new ArrayList<>();
  private final FxBridge<Integer> bridge = new FxBridge<>(fxQueue::add, source::get, applied::add);

  @Test
  void collapsesABurstOfChangesIntoOneUpdateWithTheLatestValue() {
    for (int i = 1; i <= 5_000; i++) {
      source.set(i);
      bridge.changed();
    }
    assertThat(fxQueue).hasSize(1);
    fxQueue.poll().run();
    assertThat(applied).containsExactly(5_000);
  }

  @Test
  void aChangeAfterTheUpdateSchedulesAnotherOne() {
    bridge.changed();
    fxQueue.poll().run();
    source.set(7);
    bridge.changed();
    assertThat(fxQueue).hasSize(1);
    fxQueue.poll().run();
    assertThat(applied).containsExactly(0, 7);
  }
}
