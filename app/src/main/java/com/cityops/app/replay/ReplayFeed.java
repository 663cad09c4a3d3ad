package com.cityops.app.replay;

import com.cityops.api.Json;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import com.cityops.app.state.CityState;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --replay FILE [--replay-speed X]}: plays a recording into the city state without a
 * backend, keeping the original pacing divided by the speed. The screen shows the recording's state
 * as it was; the feed badge says it is a replay. Runs on its own {@code cityops-replay} thread.
 */
public final class ReplayFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayFeed.class);

  private final Path file;
  private final CityState state;
  private final double speed;
  private final Thread thread;
  private volatile boolean closed;

  public ReplayFeed(Path file, CityState state, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("replay speed must be > 0, got " + speed);
    }
    this.file = file;
    this.state = state;
    this.speed = speed;
    this.thread = new Thread(this::play, "cityops-replay");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Waits for the end of the recording (tests). */
  public void join(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
  }

  private void play() {
    String source = "replay:" + file.getFileName();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      Instant first = null;
      long startNanos = System.nanoTime();
      long lineNo = 0;
      while (!closed && (line = in.readLine()) != null) {
        lineNo++;
        Recording recording;
        try {
          recording = Json.read(line, Recording.class);
        } catch (Json.MalformedJsonException e) {
          LOG.warn("{} line {} skipped: {}", file, lineNo, e.getMessage());
          continue;
        }
        if (first == null) {
          first = recording.at();
        }
        pace(first, recording.at(), startNanos);
        if (recording.snapshot() != null) {
          state.replaceAll(recording.snapshot());
          state.setFeedStatus(new FeedStatus(FeedState.REPLAY, recording.at(), source, null));
        } else if (recording.message() != null) {
          apply(recording.message(), recording.at());
        }
      }
      LOG.info("replay of {} finished", file);
    } catch (IOException e) {
      LOG.error("cannot read the recording {}: {}", file, e.getMessage());
      state.setFeedStatus(
          new FeedStatus(
              FeedState.OFFLINE, null, source, "cannot read " + file + ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void apply(String raw, Instant at) {
    StreamEnvelope envelope;
    try {
      envelope = Json.readEnvelope(raw);
    } catch (Json.UnknownEventTypeException e) {
      state.skipUnknown(e.seq());
      return;
    } catch (Json.MalformedJsonException e) {
      state.countBadMessage();
      return;
    }
    state.heard(at);
    if (envelope.type() != StreamEventType.HEARTBEAT) {
      state.apply(envelope);
    }
  }

  private void pace(Instant first, Instant at, long startNanos) throws InterruptedException {
    long due = (long) (Duration.between(first, at).toNanos() / speed);
    long wait = due - (System.nanoTime() - startNanos);
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
