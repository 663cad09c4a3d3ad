package com.cityops.sim.http;

import com.cityops.api.Json;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect provider for single sign-on tests and demos: discovery, the authorization
 * endpoint with a sign-in form, the token endpoint (authorization code with PKCE S256 required,
 * refresh tokens rotated on use), JWKS (RS256 ID tokens) and revocation (RFC 7009). One public
 * native client ({@value #CLIENT_ID}) whose redirect is a loopback URI on any port (RFC 8252 §7.3).
 * The access token is the backend's own bearer token, so the REST API and the stream accept it.
 * Codes and refresh tokens live in memory: after a restart the client signs in again. Thread-safe.
 */
final class OidcProvider {
  static final String CLIENT_ID = "cityops-console";
  static final String CALLBACK_PATH = "/callback";
  static final String DISCOVERY = "/.well-known/openid-configuration";
  static final String AUTHORIZE = "/oidc/authorize";
  static final String TOKEN = "/oidc/token";
  static final String JWKS = "/oidc/jwks";
  static final String REVOKE = "/oidc/revoke";
  private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  private static final Duration REFRESH_LIFETIME = Duration.ofHours(12);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final Users users;
  private final TokenService tokens;
  private final Clock clock;
  private final Duration accessLifetime;
  private final RSAKey signingKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

  private record Grant(
      Users.User user, String redirectUri, String challenge, String nonce, Instant expires) {}

  private record Refresh(Users.User user, Instant expires) {}

  OidcProvider(Users users, TokenService tokens, Clock clock, Duration accessLifetime) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    try {
      this.signingKey =
          new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the ID token signing key", e);
    }
  }

  void configure(RoutesConfig routes) {
    routes.get(DISCOVERY, ctx -> sendJson(ctx, 200, discovery(issuer(ctx))));
    routes.get(
        JWKS, ctx -> sendJson(ctx, 200, new JWKSet(signingKey.toPublicJWK()).toJSONObject()));
    routes.get(AUTHORIZE, this::authorizeForm);
    routes.post(AUTHORIZE, this::authorizeSubmit);
    routes.post(TOKEN, this::token);
    routes.post(REVOKE, this::revoke);
  }

  /** The issuer as the client addressed us: scheme, host and port of the request. */
  private static String issuer(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static Map<String, Object> discovery(String issuer) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("authorization_endpoint", issuer + AUTHORIZE);
    doc.put("token_endpoint", issuer + TOKEN);
    doc.put("jwks_uri", issuer + JWKS);
    doc.put("revocation_endpoint", issuer + REVOKE);
    doc.put("response_types_supported", List.of("code"));
    doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("token_endpoint_auth_methods_supported", List.of("none"));
    doc.put("scopes_supported", List.of("openid", "profile"));
    doc.put("claims_supported", List.of("sub", "name", "preferred_username", "nonce"));
    doc.put("authorization_response_iss_parameter_supported", true);
    return doc;
  }

  // ---- authorization endpoint -------------------------------------------------------------------

  private void authorizeForm(Context ctx) {
    Map<String, String> params = requestParams(ctx);
    String refusal = checkAuthorizationRequest(params);
    if (refusal != null) {
      sendHtml(ctx, 400, page("单点登录请求无效", "<p>" + escape(refusal) + "</p>"));
      return;
    }
    sendHtml(ctx, 200, form(params, null));
  }

  private void authorizeSubmit(Context ctx) {
    Map<String, String> params = requestParams(ctx);
    String refusal = checkAuthorizationRequest(params);
    if (refusal != null) {
      sendHtml(ctx, 400, page("单点登录请求无效", "<p>" + escape(refusal) + "</p>"));
      return;
    }
    var user = users.authenticate(ctx.formParam("username"), ctx.formParam("password"));
    if (user.isEmpty()) {
      sendHtml(ctx, 401, form(params, "用户名或密码错误 / wrong username or password"));
      return;
    }
    String code = randomToken();
    codes.put(
        code,
        new Grant(
            user.get(),
            params.get("redirect_uri"),
            params.get("code_challenge"),
            params.get("nonce"),
            clock.instant().plus(CODE_LIFETIME)));
    String location =
        params.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(params.get("state"), StandardCharsets.UTF_8)
            + "&iss="
            + java.net.URLEncoder.encode(issuer(ctx), StandardCharsets.UTF_8);
    ctx.status(302).header("Location", location).header("Cache-Control", "no-store");
  }

  private static Map<String, String> requestParams(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name :
        List.of(
            "response_type",
            "client_id",
            "redirect_uri",
            "scope",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method")) {
      String value =
          ctx.method().name().equals("POST") ? ctx.formParam(name) : ctx.queryParam(name);
      if (value != null) {
        params.put(name, value);
      }
    }
    return params;
  }

  /** Why the request cannot be served, or null. Refused on the page, never redirected. */
  static String checkAuthorizationRequest(Map<String, String> params) {
    if (!CLIENT_ID.equals(params.get("client_id"))) {
      return "unknown client_id '" + params.get("client_id") + "'; the client is " + CLIENT_ID;
    }
    if (!isLoopbackCallback(params.get("redirect_uri"))) {
      return "redirect_uri must be a loopback callback, http://127.0.0.1:PORT"
          + CALLBACK_PATH
          + " (RFC 8252 §7.3), got '"
          + params.get("redirect_uri")
          + "'";
    }
    if (!"code".equals(params.get("response_type"))) {
      return "response_type must be 'code'";
    }
    String scope = params.getOrDefault("scope", "");
    if (!List.of(scope.split(" ")).contains("openid")) {
      return "scope must include 'openid'";
    }
    if (!"S256".equals(params.get("code_challenge_method"))
        || params.getOrDefault("code_challenge", "").length() < 43) {
      return "PKCE is required: code_challenge with code_challenge_method=S256 (RFC 7636)";
    }
    if (params.getOrDefault("state", "").isEmpty()) {
      return "state is required";
    }
    return null;
  }

  static boolean isLoopbackCallback(String uri) {
    if (uri == null) {
      return false;
    }
    try {
      URI parsed = new URI(uri);
      String host = parsed.getHost();
      return "http".equals(parsed.getScheme())
          && ("127.0.0.1".equals(host) || "[::1]".equals(host))
          && parsed.getPort() > 0
          && CALLBACK_PATH.equals(parsed.getPath())
          && parsed.getQuery() == null
          && parsed.getFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  // ---- token endpoint ---------------------------------------------------------------------------

  private void token(Context ctx) {
    String grantType = ctx.formParam("grant_type");
    if (!CLIENT_ID.equals(ctx.formParam("client_id"))) {
      tokenError(ctx, 401, "invalid_client", "unknown client_id; the client is " + CLIENT_ID);
    } else if ("authorization_code".equals(grantType)) {
      exchangeCode(ctx);
    } else if ("refresh_token".equals(grantType)) {
      refresh(ctx);
    } else {
      tokenError(
          ctx,
          400,
          "unsupported_grant_type",
          "grant_type must be authorization_code or refresh_token");
    }
  }

  private void exchangeCode(Context ctx) {
    String code = ctx.formParam("code");
    Grant grant = code == null ? null : codes.remove(code); // single use, whatever follows
    Instant now = clock.instant();
    if (grant == null || now.isAfter(grant.expires())) {
      tokenError(ctx, 400, "invalid_grant", "the code is unknown, used or expired");
    } else if (!grant.redirectUri().equals(ctx.formParam("redirect_uri"))) {
      tokenError(ctx, 400, "invalid_grant", "redirect_uri differs from the authorization request");
    } else if (!grant.challenge().equals(s256(ctx.formParam("code_verifier")))) {
      tokenError(ctx, 400, "invalid_grant", "code_verifier does not match the code_challenge");
    } else {
      issueTokens(ctx, grant.user(), grant.nonce(), now);
    }
  }

  private void refresh(Context ctx) {
    String token = ctx.formParam("refresh_token");
    Refresh held = token == null ? null : refreshTokens.remove(token); // rotated on every use
    Instant now = clock.instant();
    if (held == null || now.isAfter(held.expires())) {
      tokenError(ctx, 400, "invalid_grant", "the refresh token is unknown, revoked or expired");
    } else {
      issueTokens(ctx, held.user(), null, now);
    }
  }

  private void issueTokens(Context ctx, Users.User user, String nonce, Instant now) {
    Instant expires = now.plus(accessLifetime);
    String refreshToken = randomToken();
    refreshTokens.put(refreshToken, new Refresh(user, now.plus(REFRESH_LIFETIME)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue(user, expires));
    body.put("token_type", "Bearer");
    body.put("expires_in", accessLifetime.toSeconds());
    body.put("refresh_token", refreshToken);
    body.put("scope", "openid profile");
    body.put("id_token", idToken(issuer(ctx), user, nonce, now, expires));
    sendJson(ctx, 200, body);
  }

  private String idToken(
      String issuer, Users.User user, String nonce, Instant now, Instant expires) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.username())
            .audience(CLIENT_ID)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .claim("auth_time", now.getEpochSecond())
            .claim("name", user.displayName())
            .claim("preferred_username", user.username());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an ID token", e);
    }
    return jwt.serialize();
  }

  /** RFC 7009: always 200, known or not, so a client cannot probe tokens. */
  private void revoke(Context ctx) {
    String token = ctx.formParam("token");
    if (token != null) {
      refreshTokens.remove(token);
    }
    ctx.status(200).header("Cache-Control", "no-store");
  }

  /** Refresh tokens held (tests: a sign-out revokes its token). */
  int refreshTokensHeld() {
    return refreshTokens.size();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  static String s256(String verifier) {
    if (verifier == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return B64.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void tokenError(Context ctx, int status, String error, String description) {
    sendJson(ctx, status, Map.of("error", error, "error_description", description));
  }

  private static void sendJson(Context ctx, int status, Object body) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("application/json;charset=utf-8")
        .result(Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  private static void sendHtml(Context ctx, int status, String html) {
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("text/html;charset=utf-8")
        .result(html.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(Map<String, String> params, String error) {
    StringBuilder hidden = new StringBuilder();
    params.forEach(
        (k, v) ->
            hidden
                .append("<input type=\"hidden\" name=\"")
                .append(escape(k))
                .append("\" value=\"")
                .append(escape(v))
                .append("\">\n"));
    String message = error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>";
    return page(
        "城市运行管理平台 · 单点登录",
        message
            + "<form method=\"post\" action=\""
            + AUTHORIZE
            + "\">\n"
            + hidden
            + "<label>用户名 <input name=\"username\" autofocus></label>\n"
            + "<label>密码 <input name=\"password\" type=\"password\"></label>\n"
            + "<button type=\"submit\">登录</button>\n</form>");
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
