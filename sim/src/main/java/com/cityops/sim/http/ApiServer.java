package com.cityops.sim.http;

import com.cityops.api.ApiPaths;
import com.cityops.api.AuditBatch;
import com.cityops.api.Device;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Indicator;
import com.cityops.api.ItemList;
import com.cityops.api.Json;
import com.cityops.api.LoginRequest;
import com.cityops.api.LoginResponse;
import com.cityops.api.Problem;
import com.cityops.api.ProblemType;
import com.cityops.api.ScenarioRequest;
import com.cityops.api.ServerStatus;
import com.cityops.sim.tiles.TilePackInfo;
import com.cityops.sim.tiles.TilePacks;
import com.cityops.sim.world.ActionOutcome;
import com.cityops.sim.world.ActionRejected;
import com.cityops.sim.world.CityWorld;
import com.cityops.sim.world.Scenario;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's REST endpoints and the stream, on Javalin (Jetty 12). Every error leaves as RFC
 * 9457 problem+json; nothing a client sends can crash the server. Thread-safe.
 */
public final class ApiServer {
  private final TlsKeystore tls;
  private String host;
  private int port;
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final String USER = "cityops.user";
  private static final String JSON = "application/json";

  private final CityWorld world;
  private final Users users;
  private final TokenService tokens;
  private final Clock clock;
  private final String version;
  private final Javalin javalin;
  private final TileEndpoint tiles;
  private final TileFaults tileFaults = new TileFaults();
  private final OidcProvider oidc;
  private final AuditArchive audit;

  public ApiServer(
      CityWorld world,
      Map<String, String> passwords,
      java.nio.file.Path dataDir,
      Clock clock,
      String version,
      TlsKeystore tls,
      TilePacks tilePacks,
      Duration tileMaxAge,
      Duration ssoTokenLifetime) {
    this.tls = tls;
    this.tiles = new TileEndpoint(tilePacks, tileFaults, tileMaxAge);
    this.world = world;
    this.users = new Users(passwords);
    this.tokens = TokenService.create(dataDir);
    this.clock = clock;
    this.oidc = new OidcProvider(users, tokens, clock, ssoTokenLifetime);
    this.audit = new AuditArchive(dataDir);
    this.version = version;
    this.javalin = Javalin.create(this::configure);
  }

  public ApiServer start(String host, int port) {
    this.host = host;
    this.port = port;
    javalin.start(host, port);
    return this;
  }

  /** "https" when serving with a TLS keystore, else "http". */
  public String scheme() {
    return tls == null ? "http" : "https";
  }

  /** With a keystore, the only connector speaks TLS (Javalin then adds no plain one). */
  private ServerConnector tlsConnector(Server server, HttpConfiguration http) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.path().toString());
    ssl.setKeyStorePassword(tls.password());
    ssl.setKeyStoreType("PKCS12");
    HttpConfiguration https = new HttpConfiguration(http);
    // A test or intranet certificate names the host it was made for; do not refuse by SNI.
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  public int port() {
    return javalin.port();
  }

  /** Faults and request counts of the tile endpoint, for tests. */
  public TileFaults tileFaults() {
    return tileFaults;
  }

  public void stop() {
    javalin.stop();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = MAX_BODY_BYTES;
    // Tiles go out as they are, never gzipped on the fly: one representation per tile URL, so the
    // ETag (a hash of those bytes) is an honest strong validator without Vary: Accept-Encoding.
    // Images are excluded by Javalin already; vector tiles are a few KB.
    // A new strategy, not the default: that one is a static shared by every Javalin in the JVM.
    CompressionStrategy compression = new CompressionStrategy(null, new Gzip());
    List<String> excluded = new ArrayList<>(compression.getExcludedMimeTypes());
    excluded.add(TilePackInfo.MVT_CONTENT_TYPE);
    compression.setExcludedMimeTypes(excluded);
    config.http.compressionStrategy = compression;
    if (tls != null) {
      config.jetty.addConnector(this::tlsConnector);
    }
    var routes = config.routes;
    routes.before(ApiPaths.BASE + "/*", this::authenticate);
    routes.before(OgcFeaturesEndpoint.BASE + "/*", this::authenticate);
    routes.post(ApiPaths.LOGIN, this::login);
    routes.get(ApiPaths.SESSION, this::session);
    oidc.configure(routes); // public, outside /api/v1: the OpenID Connect provider
    routes.get(ApiPaths.HEALTH, ctx -> json(ctx, status()));
    routes.get(ApiPaths.SNAPSHOT, ctx -> json(ctx, world.snapshot(user(ctx).role())));
    routes.get(ApiPaths.INCIDENTS, this::listIncidents);
    routes.get(
        ApiPaths.INCIDENTS + "/{id}",
        ctx ->
            json(
                ctx,
                world
                    .incident(ctx.pathParam("id"), user(ctx).role())
                    .orElseThrow(() -> notFound("case", ctx.pathParam("id")))));
    routes.post(ApiPaths.INCIDENTS + "/{id}/actions", this::act);
    routes.get(ApiPaths.INDICATORS, this::listIndicators);
    routes.get(
        ApiPaths.INDICATORS + "/{id}",
        ctx ->
            json(
                ctx,
                world
                    .indicator(ctx.pathParam("id"))
                    .orElseThrow(() -> notFound("indicator", ctx.pathParam("id")))));
    routes.get(ApiPaths.INDICATORS + "/{id}/history", this::history);
    routes.get(ApiPaths.DEVICES, this::listDevices);
    routes.get(
        ApiPaths.DEVICES + "/{id}",
        ctx ->
            json(
                ctx,
                world
                    .device(ctx.pathParam("id"))
                    .orElseThrow(() -> notFound("device", ctx.pathParam("id")))));
    routes.get(ApiPaths.LAYERS, ctx -> json(ctx, ItemList.of(world.headSeq(), world.layers())));
    routes.get(ApiPaths.LAYERS + "/{id}/features", this::features);
    routes.post(ApiPaths.SIM_SCENARIO, this::scenario);
    routes.put(ApiPaths.WALLS + "/{wall}/scene", this::wallScene);
    routes.post(ApiPaths.AUDIT, ctx -> json(ctx, audit.append(readBody(ctx, AuditBatch.class))));
    new OgcFeaturesEndpoint(world).configure(routes);
    tiles.configure(routes); // public, outside /api/v1: see TileEndpoint
    routes.ws(ApiPaths.STREAM, new StreamEndpoint(world, tokens, clock)::configure);
    routes.exception(BadRequest.class, (e, ctx) -> problem(ctx, e.problem(), e.getMessage()));
    routes.exception(ActionRejected.class, (e, ctx) -> problem(ctx, e.problem(), e.getMessage()));
    routes.exception(
        Json.MalformedJsonException.class,
        (e, ctx) -> problem(ctx, ProblemType.MALFORMED_JSON, e.getMessage()));
    routes.exception(HttpResponseException.class, this::httpProblem);
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          problem(
              ctx,
              ProblemType.INTERNAL,
              "the server failed unexpectedly (" + e.getClass().getSimpleName() + "); see its log");
        });
    routes.error(
        404,
        ctx -> {
          String sent = ctx.res().getContentType();
          if (sent == null || !sent.startsWith(Problem.MEDIA_TYPE)) {
            problem(ctx, ProblemType.NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path());
          }
        });
    routes.error(
        405,
        ctx ->
            problem(
                ctx,
                ProblemType.INVALID_REQUEST,
                "method " + ctx.method() + " is not allowed on " + ctx.path()));
  }

  // ---- authentication ---------------------------------------------------------------------------

  private void authenticate(Context ctx) {
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      throw new BadRequest(
          ProblemType.PAYLOAD_TOO_LARGE,
          "request body is " + ctx.contentLength() + " bytes; the limit is " + MAX_BODY_BYTES);
    }
    String path = ctx.path();
    if (path.equals(ApiPaths.LOGIN)
        || path.equals(ApiPaths.HEALTH)
        || path.equals(ApiPaths.STREAM)
        || OgcFeaturesEndpoint.isPublic(path)) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"cityops\"");
      throw new BadRequest(
          ProblemType.UNAUTHORIZED,
          "sign in with POST " + ApiPaths.LOGIN + " and send 'Authorization: Bearer <token>'");
    }
    Users.User user =
        tokens
            .verify(header.substring(7).trim(), clock.instant())
            .orElseThrow(
                () -> {
                  ctx.header(
                      "WWW-Authenticate", "Bearer realm=\"cityops\", error=\"invalid_token\"");
                  return new BadRequest(
                      ProblemType.UNAUTHORIZED,
                      "the bearer token is invalid or expired; sign in again");
                });
    ctx.attribute(USER, user);
  }

  private static Users.User user(Context ctx) {
    return ctx.attribute(USER);
  }

  private void login(Context ctx) {
    LoginRequest request = readBody(ctx, LoginRequest.class);
    if (request.username() == null || request.password() == null) {
      throw new BadRequest(ProblemType.INVALID_REQUEST, "login needs 'username' and 'password'");
    }
    Users.User user =
        users
            .authenticate(request.username(), request.password())
            .orElseThrow(
                () ->
                    new BadRequest(
                        ProblemType.BAD_CREDENTIALS,
                        "wrong username or password for '" + request.username() + "'"));
    Instant expires = clock.instant().plus(TokenService.LIFETIME);
    json(
        ctx,
        new LoginResponse(
            tokens.issue(user, expires),
            user.username(),
            user.displayName(),
            user.role(),
            expires,
            user.jurisdiction()));
  }

  /** Who the bearer token names (a client that signed on through OpenID Connect asks this). */
  private void session(Context ctx) {
    Users.User user = user(ctx);
    Instant expires = tokens.expiry(ctx.header("Authorization").substring(7).trim());
    json(
        ctx,
        new LoginResponse(
            null, user.username(), user.displayName(), user.role(), expires, user.jurisdiction()));
  }

  // ---- resources --------------------------------------------------------------------------------

  private ServerStatus status() {
    return new ServerStatus(
        "ok",
        version,
        world.headSeq(),
        clock.instant(),
        world.cityTime(),
        world.scenario().wireName(),
        world.mode());
  }

  private void listIncidents(Context ctx) {
    IncidentStatus status = QueryParams.status(ctx.queryParam("status"));
    IncidentLevel level = QueryParams.level(ctx.queryParam("level"));
    String district = ctx.queryParam("district");
    Envelope bbox = QueryParams.bbox(ctx.queryParam("bbox"));
    Predicate<Incident> filter =
        i ->
            (status == null || i.status() == status)
                && (level == null || i.level() == level)
                && (district == null || district.equals(i.location().districtCode()))
                && (bbox == null || bbox.contains(i.location().lon(), i.location().lat()));
    var role = user(ctx).role();
    var answer = world.list(w -> w.incidents(filter, role));
    json(ctx, ItemList.of(answer.seq(), answer.value()));
  }

  private void listIndicators(Context ctx) {
    var domain = QueryParams.domain(ctx.queryParam("domain"));
    String district = ctx.queryParam("district");
    Predicate<Indicator> filter =
        i ->
            (domain == null || i.domain() == domain)
                && (district == null || district.equals(i.districtCode()));
    var answer = world.list(w -> w.indicators(filter));
    json(ctx, ItemList.of(answer.seq(), answer.value()));
  }

  private void history(Context ctx) {
    Instant to = QueryParams.instant("to", ctx.queryParam("to"), world.cityTime());
    Instant from =
        QueryParams.instant("from", ctx.queryParam("from"), to.minus(Duration.ofHours(24)));
    if (!from.isBefore(to)) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST, "from (" + from + ") must be before to (" + to + ")");
    }
    String id = ctx.pathParam("id");
    json(ctx, world.history(id, from, to).orElseThrow(() -> notFound("indicator", id)));
  }

  private void listDevices(Context ctx) {
    var type = QueryParams.deviceType(ctx.queryParam("type"));
    var status = QueryParams.deviceStatus(ctx.queryParam("status"));
    Envelope bbox = QueryParams.bbox(ctx.queryParam("bbox"));
    Predicate<Device> filter =
        d ->
            (type == null || d.type() == type)
                && (status == null || d.status() == status)
                && (bbox == null || bbox.contains(d.location().lon(), d.location().lat()));
    var answer = world.list(w -> w.devices(filter));
    json(ctx, ItemList.of(answer.seq(), answer.value()));
  }

  private void features(Context ctx) {
    String id = ctx.pathParam("id");
    if (world.layers().stream().noneMatch(l -> l.id().equals(id))) {
      throw notFound("layer", id);
    }
    Envelope bbox = QueryParams.bbox(ctx.queryParam("bbox"));
    send(ctx, 200, "application/geo+json", Json.write(world.features(id, bbox)));
  }

  /** A wall controller's scene, for the wall's followers (journaled, streamed as wall.scene). */
  private void wallScene(Context ctx) {
    com.cityops.api.Role role = user(ctx).role();
    if (role != com.cityops.api.Role.WALL && role != com.cityops.api.Role.SUPERVISOR) {
      throw new BadRequest(
          ProblemType.FORBIDDEN, "steering a wall needs the wall or the supervisor role");
    }
    String wall = ctx.pathParam("wall");
    if (!wall.matches(com.cityops.api.WallScene.ID_PATTERN)) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "wall id '" + wall + "' must be 1 to 64 letters, digits, '-' or '_'");
    }
    com.cityops.api.WallScene scene = readBody(ctx, com.cityops.api.WallScene.class);
    if (!wall.equals(scene.wall())) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "the scene is for wall '" + scene.wall() + "' but was sent to '" + wall + "'");
    }
    if (scene.mode() == null) {
      throw new BadRequest(ProblemType.INVALID_REQUEST, "a wall scene needs 'mode'");
    }
    for (com.cityops.api.WallPanelView view : scene.maps()) {
      if (view.panel() == null
          || !Double.isFinite(view.lon())
          || !Double.isFinite(view.lat())
          || Math.abs(view.lon()) > 180
          || Math.abs(view.lat()) > 85.06
          || view.zoom() < 0
          || view.zoom() > 22) {
        throw new BadRequest(
            ProblemType.INVALID_REQUEST,
            "map view " + view + " needs a panel key, lon/lat inside Web Mercator and zoom 0–22");
      }
    }
    json(ctx, world.publishWallScene(scene));
  }

  private void scenario(Context ctx) {
    if (user(ctx).role() != com.cityops.api.Role.SUPERVISOR) {
      throw new BadRequest(ProblemType.FORBIDDEN, "switching the scenario needs a supervisor");
    }
    ScenarioRequest request = readBody(ctx, ScenarioRequest.class);
    try {
      world.setScenario(Scenario.parse(request.scenario()));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(ProblemType.INVALID_REQUEST, e.getMessage());
    }
    json(ctx, status());
  }

  // ---- actions ----------------------------------------------------------------------------------

  private void act(Context ctx) {
    String key = ctx.header(ApiPaths.IDEMPOTENCY_KEY_HEADER);
    if (key == null || key.isBlank()) {
      throw new BadRequest(
          ProblemType.MISSING_IDEMPOTENCY_KEY,
          "actions need an '"
              + ApiPaths.IDEMPOTENCY_KEY_HEADER
              + "' header (a new UUID per action, the same on retries)");
    }
    if (key.length() > 128) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST, "Idempotency-Key is longer than 128 characters");
    }
    Users.User user = user(ctx);
    String id = ctx.pathParam("id");
    IncidentAction action = readBody(ctx, IncidentAction.class);
    if (action.type() == null) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "action 'type' is required: ack, dispatch, escalate, feedback, verify, close or merge");
    }
    String actor =
        action.actor() == null || action.actor().isBlank()
            ? user.displayName() + "(" + user.username() + ")"
            : action.actor();
    ActionOutcome outcome =
        world.act(id, action, key, fingerprint(id, ctx.body()), actor, user.role());
    if (outcome.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    send(ctx, outcome.status(), outcome.contentType(), outcome.body());
  }

  private static String fingerprint(String id, String body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(id.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Json.write(Json.readTree(body)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private static <T> T readBody(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType != null && !contentType.toLowerCase().startsWith(JSON)) {
      throw new BadRequest(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "send the body as application/json, not " + contentType);
    }
    return Json.read(ctx.body(), type);
  }

  private static BadRequest notFound(String what, String id) {
    return new BadRequest(ProblemType.NOT_FOUND, "no " + what + " with id '" + id + "'");
  }

  private static void json(Context ctx, Object body) {
    send(ctx, 200, JSON, Json.write(body));
  }

  /**
   * Sends UTF-8 bytes ourselves: Jetty would encode a String as ISO-8859-1 for types it does not
   * know.
   */
  private static void send(Context ctx, int status, String contentType, String body) {
    ctx.status(status)
        .contentType(contentType + ";charset=utf-8")
        .result(body.getBytes(StandardCharsets.UTF_8));
  }

  private void httpProblem(HttpResponseException e, Context ctx) {
    ProblemType type =
        switch (e.getStatus()) {
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 404 -> ProblemType.NOT_FOUND;
          case 401 -> ProblemType.UNAUTHORIZED;
          case 403 -> ProblemType.FORBIDDEN;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          default -> e.getStatus() >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
    problem(ctx, type, e.getMessage());
  }

  static void problem(Context ctx, ProblemType type, String detail) {
    Problem problem = Problem.of(type, detail, ctx.path());
    send(ctx, problem.status(), Problem.MEDIA_TYPE, Json.write(problem));
  }
}
