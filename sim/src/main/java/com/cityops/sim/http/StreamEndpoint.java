package com.cityops.sim.http;

import com.cityops.api.ApiPaths;
import com.cityops.sim.stream.StreamHub;
import com.cityops.sim.stream.StreamSink;
import com.cityops.sim.world.CityWorld;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/stream?since=SEQ}: authenticates (bearer header or {@code access_token}), replays
 * the journal after {@code since} (or refuses with 4410 when it cannot), then streams live.
 * Thread-safe.
 */
final class StreamEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

  private final CityWorld world;
  private final TokenService tokens;
  private final Clock clock;
  private final Map<String, StreamHub.Subscription> subscriptions = new ConcurrentHashMap<>();

  StreamEndpoint(CityWorld world, TokenService tokens, Clock clock) {
    this.world = world;
    this.tokens = tokens;
    this.clock = clock;
  }

  void configure(WsConfig ws) {
    ws.onConnect(this::connect);
    ws.onClose(ctx -> cancel(ctx.sessionId()));
    ws.onError(ctx -> cancel(ctx.sessionId()));
    ws.onMessage(ctx -> {}); // the stream is one-way; client messages are ignored
  }

  private void connect(WsConnectContext ctx) {
    String header = ctx.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : ctx.queryParam("access_token");
    var user = tokens.verify(token, clock.instant());
    if (user.isEmpty()) {
      ctx.closeSession(
          ApiPaths.CLOSE_UNAUTHORIZED, "sign in first: bearer token missing, invalid or expired");
      return;
    }
    long since;
    try {
      since = QueryParams.since(ctx.queryParam("since"));
    } catch (BadRequest e) {
      ctx.closeSession(1008, e.getMessage());
      return;
    }
    if (since < 0) {
      since = world.headSeq();
    }
    ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(2));
    try {
      subscriptions.put(
          ctx.sessionId(), world.subscribe(new SessionSink(ctx.session), user.get().role(), since));
    } catch (CityWorld.ResumeRefused e) {
      LOG.info("refused resume: {}", e.getMessage());
      ctx.closeSession(ApiPaths.CLOSE_RESUME_REFUSED, truncate(e.getMessage()));
    }
  }

  private void cancel(String sessionId) {
    StreamHub.Subscription subscription = subscriptions.remove(sessionId);
    if (subscription != null) {
      subscription.cancel();
    }
  }

  /** WebSocket close reasons are limited to 123 bytes. */
  private static String truncate(String reason) {
    byte[] bytes = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return bytes.length <= 120
        ? reason
        : new String(bytes, 0, 120, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Sends a batch and waits for the last frame to be written: back-pressure for slow clients. */
  private record SessionSink(Session session) implements StreamSink {
    @Override
    public void send(List<String> messages) throws Exception {
      int last = messages.size() - 1;
      for (int i = 0; i < last; i++) {
        session.sendText(messages.get(i), Callback.NOOP);
      }
      var done = new Callback.Completable();
      session.sendText(messages.get(last), done);
      done.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close(int code, String reason) {
      session.close(code, truncate(reason), Callback.NOOP);
    }

    @Override
    public String describe() {
      return String.valueOf(session.getRemoteSocketAddress());
    }
  }
}
