package com.cityops.sim.stream;

import com.cityops.api.ApiPaths;
import com.cityops.api.Heartbeat;
import com.cityops.api.Json;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans journaled messages out to connected clients. Each client has its own bounded queue and
 * sender thread, so one slow client never delays the simulation or the others; a client that falls
 * more than {@code queueCapacity} messages behind is closed with {@link ApiPaths#CLOSE_TOO_SLOW}
 * and resumes with {@code since}.
 *
 * <p>Thread-safe. {@link #subscribe} and {@link #publish} must be called under the same lock as the
 * journal's append, which is what makes "backlog, then live" gap-free and duplicate-free.
 */
public final class StreamHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
  private static final int BATCH = 256;

  private final int queueCapacity;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicInteger threadIds = new AtomicInteger();

  public StreamHub(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  /**
   * Starts streaming to {@code sink}: first {@code backlog}, then every message published after
   * this call.
   */
  public Subscription subscribe(
      StreamSink sink, boolean seesPersonalData, List<JournalEntry> backlog) {
    var subscriber = new Subscriber(sink, seesPersonalData);
    for (JournalEntry entry : backlog) {
      subscriber.queue.add(entry.jsonFor(seesPersonalData));
    }
    subscribers.add(subscriber);
    subscriber.start("sim-stream-" + threadIds.incrementAndGet());
    return subscriber;
  }

  public void publish(List<JournalEntry> entries) {
    for (Subscriber subscriber : subscribers) {
      for (JournalEntry entry : entries) {
        subscriber.offer(entry.jsonFor(subscriber.seesPersonalData));
      }
    }
  }

  /** Tells every client the server is alive and at {@code headSeq}; consumes no seq. */
  public void heartbeat(long headSeq, Instant serverTime) {
    String json =
        Json.write(
            new StreamEnvelope(
                headSeq,
                serverTime,
                StreamEventType.HEARTBEAT,
                new Heartbeat(headSeq, serverTime)));
    for (Subscriber subscriber : subscribers) {
      subscriber.offer(json);
    }
  }

  public int clientCount() {
    return subscribers.size();
  }

  /** Closes every client connection (server shutdown: 1001 going away). */
  @Override
  public void close() {
    for (Subscriber subscriber : subscribers) {
      subscriber.shutdown(1001, "server shutting down; reconnect with since");
    }
  }

  /** A client's stream; cancel it when the connection closes. */
  public interface Subscription {
    void cancel();
  }

  private final class Subscriber implements Subscription, Runnable {
    final StreamSink sink;
    final boolean seesPersonalData;
    final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    volatile boolean running = true;
    Thread thread;

    Subscriber(StreamSink sink, boolean seesPersonalData) {
      this.sink = sink;
      this.seesPersonalData = seesPersonalData;
    }

    void start(String name) {
      thread = new Thread(this, name);
      thread.setDaemon(true);
      thread.start();
    }

    void offer(String json) {
      if (!running) {
        return;
      }
      if (queue.size() >= queueCapacity) {
        LOG.warn("client {} is {} messages behind; dropping it", sink.describe(), queue.size());
        shutdown(ApiPaths.CLOSE_TOO_SLOW, "client too slow; reconnect with since=<last seq>");
        return;
      }
      queue.add(json);
    }

    @Override
    public void run() {
      List<String> batch = new ArrayList<>(BATCH);
      try {
        while (running) {
          String first = queue.poll(500, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          sink.send(batch);
          batch.clear();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        if (running) {
          LOG.info("stream to {} ended: {}", sink.describe(), e.toString());
        }
      } finally {
        cancel();
      }
    }

    void shutdown(int code, String reason) {
      if (running) {
        cancel();
        sink.close(code, reason);
      }
    }

    @Override
    public void cancel() {
      running = false;
      subscribers.remove(this);
      queue.clear();
    }
  }
}
