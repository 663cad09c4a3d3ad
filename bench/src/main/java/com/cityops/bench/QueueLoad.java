package com.cityops.bench;

import com.cityops.api.Incident;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.queue.CaseClocks;
import com.cityops.app.queue.IncidentQueue;
import com.cityops.app.state.CityState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javafx.scene.Node;

/**
 * The workstation's other load beside the tiles: the app's incident queue panel over a {@code
 * CityState}, and a writer that sends it {@code rate} seeded {@code incident.upsert}s a second (an
 * open case's overdue flag toggled, its version bumped — rows change in place, as most updates do
 * on a shift). Both tile candidates carry the same queue, so their difference is the tiles.
 */
final class QueueLoad {
  /** Backend time of the first update: the tile feed's, so the two streams keep one clock. */
  private static final Instant BASE = IngestCorpus.START.plus(java.time.Duration.ofMinutes(1));

  private final CityState state;
  private final double rate;
  private final long seed;
  private final List<Incident> open = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile long sent;
  private Thread writer;
  private long seq;

  /**
   * @param state the state the queue reads (the tiles' own for ours, as in the app)
   * @param seq the state's last sequence number; updates continue from it
   */
  QueueLoad(CityState state, long seq, double rate, long seed) {
    this.state = state;
    this.seq = seq;
    this.rate = rate;
    this.seed = seed;
    for (Incident i : state.query(com.cityops.app.state.IncidentQuery.open())) {
      open.add(i);
    }
  }

  /** The queue panel with its major-case banner (FX thread). */
  Node panel() {
    IncidentQueue queue =
        new IncidentQueue(BenchWorkbench.of(state), null, CaseClocks.defaults(), tone -> {});
    javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(queue.panel());
    pane.setTop(queue.banner());
    pane.setPrefWidth(600);
    return pane;
  }

  void start() {
    if (rate <= 0 || open.isEmpty()) {
      return;
    }
    writer = new Thread(this::write, "bench-queue-feed");
    writer.setDaemon(true);
    writer.start();
  }

  private void write() {
    SplittableRandom random = new SplittableRandom(seed + 7);
    long t0 = System.nanoTime();
    long done = 0;
    while (running.get()) {
      LockSupport.parkNanos(2_000_000);
      long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
      for (; done < due; done++) {
        int k = random.nextInt(open.size());
        Incident i = open.get(k);
        Incident next = i.withOverdue(!i.overdue(), i.version() + 1);
        open.set(k, next);
        state.apply(
            new StreamEnvelope(
                ++seq,
                BASE.plusNanos(System.nanoTime() - t0),
                StreamEventType.INCIDENT_UPSERT,
                next));
      }
      sent = done;
    }
  }

  /** Updates sent so far. */
  long sent() {
    return sent;
  }

  void stop() throws InterruptedException {
    running.set(false);
    if (writer != null) {
      writer.join(5_000);
    }
  }
}
