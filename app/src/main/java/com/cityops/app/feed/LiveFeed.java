package com.cityops.app.feed;

import com.cityops.api.ApiPaths;
import com.cityops.api.Canary;
import com.cityops.api.Json;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.state.CityState;
import com.cityops.app.state.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link CityState} equal to the backend's: sign in, load the snapshot, stream from its seq;
 * on a gap or a dropped connection resume with {@code since}; when the server refuses the resume,
 * take a new snapshot; reconnect with exponential backoff and jitter; mark the feed degraded when
 * nothing (not even a heartbeat) arrives in time.
 *
 * <p>Thread-safe. All connection logic runs on one owned thread ({@code cityops-feed}); stream
 * messages are applied on OkHttp's reader thread, in order, and only for the current socket.
 */
public final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  /**
   * Larger messages are refused unread (the biggest real one, a case with a long timeline, is a few
   * kilobytes): parsing megabytes on the socket thread would stall every message behind it.
   */
  static final int MAX_MESSAGE_CHARS = 1 << 20;

  /**
   * The longest wait between two attempts (before jitter, ×0.7–1.3): the feed is back within 2 s of
   * the backend returning. A centre has tens of seats, not millions, so retrying this often costs
   * the backend nothing worth a slower recovery.
   */
  static final Duration MAX_BACKOFF = Duration.ofMillis(1_200);

  /**
   * How long the app lets the stream stay silent before it shows the data as degraded: three of the
   * backend's 5 s heartbeats. A dead or half-open connection is noticed sooner, by the transport's
   * pings ({@link TransportSettings#pingInterval()}).
   */
  public static final Duration SILENCE_ALLOWED = Duration.ofSeconds(15);

  private final BackendClient client;
  private final CityState state;
  private final SignOn signOn;
  private final Clock clock;
  private final Duration silenceAllowed;
  private final Random jitter;
  private final ScheduledExecutorService worker;
  private final AtomicInteger generation = new AtomicInteger();
  private volatile WebSocket socket;
  private volatile com.cityops.app.replay.FeedRecorder recorder;
  private volatile Instant lastMessageAt;
  private volatile Instant lastCanaryAt;
  private volatile Duration canaryInterval;
  private volatile boolean closed;
  private final AtomicInteger failures = new AtomicInteger();

  public LiveFeed(
      BackendClient client,
      CityState state,
      String username,
      String password,
      Clock clock,
      Duration silenceAllowed,
      Random jitter) {
    this(client, state, SignOn.password(username, password), clock, silenceAllowed, jitter);
  }

  public LiveFeed(
      BackendClient client,
      CityState state,
      SignOn signOn,
      Clock clock,
      Duration silenceAllowed,
      Random jitter) {
    this.client = client;
    this.state = state;
    this.signOn = signOn;
    this.clock = clock;
    this.silenceAllowed = silenceAllowed;
    this.jitter = jitter;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            com.cityops.app.platform.DaemonThreads.named("cityops-feed"));
  }

  public void start() {
    status(FeedState.CONNECTING, null);
    worker.execute(() -> connect(true));
    worker.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
  }

  private void connect(boolean freshSnapshot) {
    if (closed) {
      return;
    }
    try {
      if (freshSnapshot || state.seq() < 0) {
        state.signedIn(SignedInUser.of(signOn.signIn(client)));
        Snapshot snapshot = client.snapshot();
        state.replaceAll(snapshot);
        var rec = recorder;
        if (rec != null) {
          rec.snapshot(snapshot);
        }
        LOG.info(
            "snapshot at seq {}: {} cases, {} indicators, {} devices",
            snapshot.seq(),
            snapshot.incidents().size(),
            snapshot.indicators().size(),
            snapshot.devices().size());
      }
      int gen = generation.incrementAndGet();
      socket = client.openStream(state.seq(), new Listener(gen));
    } catch (BackendException e) {
      LOG.warn("connecting failed: {}", e.getMessage());
      offlineAndRetry(e.getMessage(), e.status() == 401 || e.status() == 0);
    } catch (RuntimeException e) {
      LOG.error("connecting failed unexpectedly", e);
      offlineAndRetry(e.toString(), true);
    }
  }

  private void offlineAndRetry(String why, boolean freshSnapshot) {
    if (closed) {
      return;
    }
    status(FeedState.OFFLINE, why);
    long base = Math.min(MAX_BACKOFF.toMillis(), 300L << Math.min(failures.getAndIncrement(), 10));
    long delay = (long) (base * (0.7 + 0.6 * jitter.nextDouble()));
    worker.schedule(() -> connect(freshSnapshot), delay, TimeUnit.MILLISECONDS);
  }

  /** Records every snapshot loaded and message applied from now on ({@code --record}). */
  public void recordTo(com.cityops.app.replay.FeedRecorder feedRecorder) {
    this.recorder = feedRecorder;
  }

  private void watchdog() {
    var rec = recorder;
    if (rec != null) {
      rec.flush();
    }
    checkCanary();
    checkSilence();
  }

  /**
   * The backend proves the whole path with a canary every interval; once one has been seen, missing
   * the next for 2.5 intervals raises the local alarm (whether or not other data still flows).
   */
  private void checkCanary() {
    Instant last = lastCanaryAt;
    Duration interval = canaryInterval;
    if (last == null || interval == null) {
      return;
    }
    Duration late = Duration.between(last, clock.instant());
    if (late.toMillis() > interval.toMillis() * 5 / 2) {
      state.setCanaryAlarm(
          "no end-to-end test signal for "
              + late.toSeconds()
              + " s (expected every "
              + interval.toSeconds()
              + " s)");
    }
  }

  private void checkSilence() {
    FeedStatus current = state.feedStatus();
    Instant last = lastMessageAt;
    if (current.state() == FeedState.LIVE
        && last != null
        && Duration.between(last, clock.instant()).compareTo(silenceAllowed) > 0) {
      status(FeedState.DEGRADED, "no message for more than " + silenceAllowed.toSeconds() + " s");
    }
  }

  private void status(FeedState feedState, String error) {
    state.setFeedStatus(new FeedStatus(feedState, lastMessageAt, client.baseUrl(), error));
  }

  /** One socket's listener; it falls silent once a newer socket replaces it. */
  private final class Listener extends WebSocketListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    private boolean current() {
      return gen == generation.get() && !closed;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      if (current()) {
        failures.set(0);
        lastMessageAt = clock.instant();
        status(FeedState.LIVE, null);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      if (!current()) {
        return;
      }
      lastMessageAt = clock.instant();
      state.heard(lastMessageAt);
      StreamEnvelope envelope;
      long held = state.seq();
      if (text.length() > MAX_MESSAGE_CHARS) {
        stepOver(
            webSocket, Json.peekSeq(text), held, "a message of " + text.length() + " characters");
        return;
      }
      try {
        envelope = Json.readEnvelope(text);
      } catch (Json.UnknownEventTypeException e) {
        if (e.seq() == held + 1) {
          LOG.info("skipped seq {}: {} (a newer server?)", e.seq(), e.getMessage());
          state.skipUnknown(e.seq());
        } else if (e.seq() > held + 1) {
          resume(webSocket, "gap before an unknown message at seq " + e.seq());
        }
        return;
      } catch (Json.MalformedJsonException e) {
        if (e.seq() >= 0) {
          // Readable enough to know its place: step over it, or the resume would fetch it again.
          stepOver(webSocket, e.seq(), held, e.getMessage() + ": " + abbreviate(text));
          return;
        }
        LOG.warn("ignored a bad stream message ({}): {}", e.getMessage(), abbreviate(text));
        state.countBadMessage();
        return;
      }
      if (envelope.type() == StreamEventType.HEARTBEAT) {
        if (envelope.seq() > held) {
          resume(webSocket, "heartbeat at seq " + envelope.seq() + " but we hold " + held);
        } else if (state.feedStatus().state() != FeedState.LIVE) {
          status(FeedState.LIVE, null);
        }
        return;
      }
      if (envelope.seq() <= held) {
        return; // already applied: a duplicate after a resume
      }
      if (envelope.seq() != held + 1) {
        resume(webSocket, "gap: got seq " + envelope.seq() + " after " + held);
        return;
      }
      state.apply(envelope);
      var rec = recorder;
      if (rec != null) {
        rec.message(text);
      }
      if (envelope.payload() instanceof Canary canary) {
        canaryInterval = Duration.ofSeconds(canary.intervalSeconds());
        lastCanaryAt = clock.instant();
        state.canarySeen(lastCanaryAt);
      }
      if (state.feedStatus().state() != FeedState.LIVE) {
        status(FeedState.LIVE, null);
      }
    }

    /** Refuses the message at {@code messageSeq} in its place in the stream. */
    private void stepOver(WebSocket webSocket, long messageSeq, long held, String why) {
      if (messageSeq == held + 1) {
        state.refuse(messageSeq, why);
      } else if (messageSeq > held + 1) {
        resume(webSocket, "gap before a refused message at seq " + messageSeq);
      } else if (messageSeq < 0) {
        LOG.warn("ignored a stream message without a seq: {}", why);
        state.countBadMessage();
      }
    }

    private void resume(WebSocket webSocket, String why) {
      LOG.warn("resuming the stream: {}", why);
      generation.incrementAndGet();
      webSocket.cancel();
      worker.execute(() -> connect(false));
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      if (!current()) {
        return;
      }
      generation.incrementAndGet();
      boolean resync = code == ApiPaths.CLOSE_RESUME_REFUSED || code == ApiPaths.CLOSE_UNAUTHORIZED;
      worker.execute(
          () ->
              offlineAndRetry("stream closed by the server (" + code + " " + reason + ")", resync));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      if (!current()) {
        return;
      }
      generation.incrementAndGet();
      LOG.warn("stream lost: {}", t.toString());
      boolean relogin = response != null && response.code() == 401;
      worker.execute(() -> offlineAndRetry("stream lost: " + t.getMessage(), relogin));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  @Override
  public void close() {
    closed = true;
    WebSocket s = socket;
    if (s != null) {
      s.close(1000, "client closing");
    }
    worker.shutdownNow();
    client.close();
  }
}
