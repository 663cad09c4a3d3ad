package com.cityops.app.feed;

import com.cityops.api.ActionResult;
import com.cityops.api.ApiPaths;
import com.cityops.api.AuditBatch;
import com.cityops.api.AuditReceipt;
import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.IncidentAction;
import com.cityops.api.IndicatorHistory;
import com.cityops.api.ItemList;
import com.cityops.api.Json;
import com.cityops.api.LayerInfo;
import com.cityops.api.LoginRequest;
import com.cityops.api.LoginResponse;
import com.cityops.api.Problem;
import com.cityops.api.ServerStatus;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The backend's REST calls and the stream socket, on OkHttp. Blocking calls: run them on a worker,
 * never on the FX thread. Errors become {@link BackendException}s carrying the server's problem
 * detail. Thread-safe.
 */
public final class BackendClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl base;
  private final OkHttpClient http;
  private volatile String token;
  private volatile LoginRequest credentials;
  private volatile Runnable renewal;

  public BackendClient(String baseUrl) {
    this(baseUrl, TransportSettings.DEFAULT);
  }

  public BackendClient(String baseUrl, TransportSettings transport) {
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
    }
    transport.checkScheme(parsed.scheme(), parsed.host());
    this.base = parsed;
    this.http = HttpClients.create(parsed.host(), transport);
  }

  public String baseUrl() {
    return base.toString();
  }

  public LoginResponse login(String username, String password) {
    renewal = null;
    credentials = new LoginRequest(username, password);
    String body = Json.write(credentials);
    LoginResponse response =
        execute(request(ApiPaths.LOGIN).post(RequestBody.create(body, JSON)), LoginResponse.class);
    token = response.token();
    return response;
  }

  /**
   * Uses a bearer token got elsewhere (single sign-on); {@code renew} is run once when the backend
   * refuses it (401) before an action is retried, and must leave a fresh token in place.
   */
  public void useToken(String bearer, Runnable renew) {
    credentials = null;
    renewal = renew;
    token = bearer;
  }

  /** Forgets the token and the credentials (sign-out). */
  public void forgetSession() {
    credentials = null;
    renewal = null;
    token = null;
  }

  /** {@code GET /auth/session}: who the current token names, and until when. */
  public LoginResponse session() {
    return execute(request(ApiPaths.SESSION).get(), LoginResponse.class);
  }

  /** The HTTP client with this backend's transport settings (trust, pins, proxy, timeouts). */
  public OkHttpClient http() {
    return http;
  }

  public Snapshot snapshot() {
    return execute(request(ApiPaths.SNAPSHOT).get(), Snapshot.class);
  }

  /** {@code GET /health}: needs no sign-in; carries the server's clock. */
  public ServerStatus health() {
    return execute(request(ApiPaths.HEALTH).get(), ServerStatus.class);
  }

  /** An indicator's samples between {@code from} and {@code to} (for charts). */
  public IndicatorHistory history(String indicatorId, Instant from, Instant to) {
    HttpUrl url =
        base.resolve(ApiPaths.INDICATORS + "/" + indicatorId + "/history")
            .newBuilder()
            .addQueryParameter("from", from.toString())
            .addQueryParameter("to", to.toString())
            .build();
    return execute(authorized(new Request.Builder().url(url)).get(), IndicatorHistory.class);
  }

  /** The layers the backend offers. */
  public ItemList<LayerInfo> layers() {
    return execute(request(ApiPaths.LAYERS).get(), body -> Json.readList(body, LayerInfo.class));
  }

  /** One layer's features (GeoJSON, WGS84). */
  public GeoJsonFeatureCollection features(String layerId) {
    return execute(
        request(ApiPaths.LAYERS + "/" + layerId + "/features").get(),
        GeoJsonFeatureCollection.class);
  }

  /**
   * Sends an operator action with its idempotency key; a retry with the same key is applied once by
   * the server. Signs in again once if the token was refused (e.g. the server restarted with a new
   * key).
   *
   * @throws BackendException with the server's problem detail; {@link BackendException#status()} is
   *     0 when no answer came
   */
  public ActionResult act(String incidentId, IncidentAction action, String idempotencyKey) {
    RequestBody body = RequestBody.create(Json.write(action), JSON);
    return signingInAgainOnce401(
        () ->
            execute(
                request(ApiPaths.incidentActions(incidentId))
                    .header(ApiPaths.IDEMPOTENCY_KEY_HEADER, idempotencyKey)
                    .post(body),
                ActionResult.class));
  }

  /**
   * Ships the next records of this client's audit log; the server skips those it holds already.
   *
   * @throws BackendException 409 when the records do not continue the server's copy, 422 when one
   *     was changed after it was written
   */
  public AuditReceipt shipAudit(AuditBatch batch) {
    RequestBody body = RequestBody.create(Json.write(batch), JSON);
    return signingInAgainOnce401(
        () -> execute(request(ApiPaths.AUDIT).post(body), AuditReceipt.class));
  }

  /** Sends a wall controller's scene; answers the seq it was journaled at. */
  public long putWallScene(com.cityops.api.WallScene scene) {
    RequestBody body = RequestBody.create(Json.write(scene), JSON);
    StreamEnvelope journaled =
        signingInAgainOnce401(
            () ->
                execute(request(ApiPaths.wallScene(scene.wall())).put(body), StreamEnvelope.class));
    return journaled.seq();
  }

  /** Runs {@code call}; if the token was refused, signs in again once and repeats it. */
  private <T> T signingInAgainOnce401(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (BackendException e) {
      LoginRequest known = credentials;
      Runnable renew = renewal;
      if (e.status() != 401 || (known == null && renew == null)) {
        throw e;
      }
      if (known != null) {
        login(known.username(), known.password());
      } else {
        renew.run();
      }
      return call.get();
    }
  }

  /** Opens the stream after {@code since}; messages arrive on OkHttp's reader thread. */
  public WebSocket openStream(long since, WebSocketListener listener) {
    HttpUrl url =
        base.resolve(ApiPaths.STREAM)
            .newBuilder()
            .addQueryParameter("since", Long.toString(since))
            .build();
    Request.Builder request = new Request.Builder().url(url);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.newWebSocket(request.build(), listener);
  }

  private Request.Builder request(String path) {
    return authorized(new Request.Builder().url(base.resolve(path)));
  }

  private Request.Builder authorized(Request.Builder builder) {
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private <T> T execute(Request.Builder request, Class<T> type) {
    return execute(request, body -> Json.read(body, type));
  }

  private <T> T execute(Request.Builder request, Function<String, T> reader) {
    Request built = request.build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new BackendException(describe(built, response.code(), body), response.code(), null);
      }
      return reader.apply(body);
    } catch (IOException e) {
      throw new BackendException(
          built.method() + " " + built.url() + " failed: " + e.getMessage(), 0, e);
    } catch (Json.MalformedJsonException e) {
      throw new BackendException(
          built.method() + " " + built.url() + " answered unreadable JSON: " + e.getMessage(),
          0,
          e);
    }
  }

  private static String describe(Request request, int status, String body) {
    String detail = body;
    try {
      Problem problem = Json.read(body, Problem.class);
      detail = problem.title() + ": " + problem.detail();
    } catch (Json.MalformedJsonException notAProblem) {
      detail = body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
    return request.method()
        + " "
        + request.url().encodedPath()
        + " → HTTP "
        + status
        + " ("
        + detail
        + ")";
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
