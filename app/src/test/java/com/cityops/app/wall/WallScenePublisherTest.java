package com.cityops.app.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.OperatingMode;
import com.cityops.api.WallScene;
import com.cityops.app.feed.BackendException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Only the newest scene goes, and it is kept until the backend takes it. */
class WallScenePublisherTest {
  private static WallScene scene(String focus) {
    return new WallScene(
        "w", OperatingMode.NORMAL, focus, false, List.of(), List.of(), Instant.EPOCH);
  }

  @Test
  void scenesOfferedWhileOneIsOnItsWayReplaceEachOther() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> sent = new CopyOnWriteArrayList<>();
    try (WallScenePublisher publisher =
        new WallScenePublisher(
            s -> {
              sent.add(s.focusIncidentId());
              firstArrived.countDown();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return sent.size();
            },
            System::nanoTime)) {
      publisher.offer(scene("a"));
      assertThat(firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
      publisher.offer(scene("b"));
      publisher.offer(scene("c"));
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> publisher.progress().published() == 2);
      assertThat(sent).containsExactly("a", "c");
      assertThat(publisher.progress().problem()).isNull();
    }
  }

  @Test
  void theNewestIsKeptWhileTheBackendIsAwayAndARefusalIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    try (WallScenePublisher publisher =
        new WallScenePublisher(
            s -> {
              int n = calls.incrementAndGet();
              if (s.focusIncidentId().equals("refused")) {
                throw new BackendException(
                    "forbidden: steering a wall needs the wall role", 403, null);
              }
              if (n <= 2) {
                throw new IllegalStateException("connection refused");
              }
              return 7;
            },
            System::nanoTime)) {
      publisher.offer(scene("a"));
      await().atMost(Duration.ofSeconds(5)).until(() -> publisher.progress().published() == 1);
      assertThat(calls.get()).isEqualTo(3);
      assertThat(publisher.progress().lastSeq()).isEqualTo(7);

      publisher.offer(scene("refused"));
      await().atMost(Duration.ofSeconds(5)).until(() -> publisher.progress().problem() != null);
      assertThat(publisher.progress().problem()).contains("wall role");
      int after = calls.get();
      await()
          .during(Duration.ofMillis(700))
          .atMost(Duration.ofSeconds(2))
          .until(() -> calls.get() == after);
    }
  }
}
