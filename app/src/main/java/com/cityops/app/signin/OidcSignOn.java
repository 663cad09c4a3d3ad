package com.cityops.app.signin;

import com.cityops.api.LoginResponse;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.BackendException;
import com.cityops.app.feed.SignOn;
import com.cityops.app.security.UnlockMethod;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with OpenID Connect as a native app (RFC 8252): authorization code with PKCE
 * (S256), the system browser, a loopback redirect on a port the OS picks; the ID token's signature,
 * issuer, audience, expiry and nonce checked (Nimbus OAuth 2.0 SDK). Every call goes through the
 * backend's OkHttp client, so the configured CA bundle and pins apply to the provider too.
 *
 * <p>Tokens are kept in a {@link TokenStore} (never logged) so the next start signs on silently;
 * the access token is refreshed before it expires; {@link #signOut} revokes the refresh token at
 * the provider and forgets everything. Blocking; runs on the feed's worker and its own refresher
 * thread, which {@link #close} stops.
 */
public final class OidcSignOn implements SignOn, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OidcSignOn.class);
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final Duration SIGN_ON_TIMEOUT = Duration.ofMinutes(5);

  private final URI issuer;
  private final ClientID clientId;
  private final Browser browser;
  private final TokenStore store;
  private final Clock clock;
  private final String storeKey;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-sso-refresh"));
  private volatile OIDCProviderMetadata provider;
  private volatile SsoTokens tokens;
  private volatile ScheduledFuture<?> nextRefresh;
  private volatile String sessionUser;
  private final java.util.concurrent.ExecutorService confirming =
      Executors.newSingleThreadExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-sso-unlock"));

  public OidcSignOn(URI issuer, String clientId, Browser browser, TokenStore store, Clock clock) {
    this.issuer = issuer;
    this.clientId = new ClientID(clientId);
    this.browser = browser;
    this.store = store;
    this.clock = clock;
    this.storeKey = issuer + "|" + clientId;
  }

  @Override
  public synchronized LoginResponse signIn(BackendClient client) {
    SsoTokens held = tokens != null ? tokens : store.load(storeKey).orElse(null);
    if (held != null && held.validFor(Duration.ofSeconds(30), clock.instant())) {
      try {
        return start(client, held);
      } catch (BackendException e) {
        if (e.status() != 401) {
          throw e;
        }
        LOG.info("the backend no longer accepts the held token; refreshing it");
      }
    }
    if (held != null && held.refreshToken() != null) {
      try {
        return start(client, refresh(client.http(), held));
      } catch (SignOnException e) {
        LOG.info("refreshing the sign-on failed ({}); signing on in the browser", e.getMessage());
      }
    }
    return start(client, kept(signOnInBrowser(client.http(), false).tokens()));
  }

  /**
   * Asks the person at a locked seat to sign on again in the browser ({@code prompt=login}, {@code
   * max_age=0}): the seat unlocks only for the person this session belongs to, whose fresh tokens
   * then replace the held ones; another person's are dropped (and their refresh token revoked).
   * Runs on its own thread: the browser may take minutes.
   */
  public CompletableFuture<UnlockMethod.Result> confirmSamePerson(BackendClient client) {
    return CompletableFuture.supplyAsync(
        () -> {
          SsoTokens held = tokens;
          String expected = held != null && held.subject() != null ? held.subject() : sessionUser;
          Instant asked = clock.instant();
          SignedOn fresh;
          try {
            fresh = signOnInBrowser(client.http(), true);
          } catch (SignOnException e) {
            return new UnlockMethod.Result(UnlockMethod.Outcome.FAILED, e.getMessage());
          }
          if (fresh.authenticatedAt() == null
              || fresh.authenticatedAt().isBefore(asked.minus(Duration.ofMinutes(1)))) {
            revoke(client, fresh);
            return new UnlockMethod.Result(
                UnlockMethod.Outcome.FAILED,
                "the provider did not ask for the sign-in again (no fresh auth_time)");
          }
          if (expected == null || !expected.equals(fresh.tokens().subject())) {
            revoke(client, fresh);
            return new UnlockMethod.Result(
                UnlockMethod.Outcome.ANOTHER_PERSON, fresh.tokens().subject());
          }
          synchronized (this) {
            store.save(storeKey, fresh.tokens());
            start(client, fresh.tokens());
          }
          return UnlockMethod.Result.UNLOCKED;
        },
        confirming);
  }

  private void revoke(BackendClient client, SignedOn dropped) {
    revokeRefresh(client, dropped.tokens().refreshToken());
  }

  /** Makes {@code fresh} the client's token and asks the backend who it names. */
  private LoginResponse start(BackendClient client, SsoTokens fresh) {
    tokens = fresh;
    client.useToken(fresh.accessToken(), () -> renew(client));
    LoginResponse session = client.session();
    sessionUser = session.username();
    scheduleRefresh(client, fresh);
    return new LoginResponse(
        fresh.accessToken(),
        session.username(),
        session.displayName(),
        session.role(),
        fresh.expiresAt(),
        session.jurisdiction());
  }

  /** Called when the backend refuses the token before an action is retried. */
  private synchronized void renew(BackendClient client) {
    SsoTokens held = tokens;
    if (held == null || held.refreshToken() == null) {
      throw new SignOnException("the session ended; sign on again");
    }
    SsoTokens fresh = refresh(client.http(), held);
    tokens = fresh;
    client.useToken(fresh.accessToken(), () -> renew(client));
    scheduleRefresh(client, fresh);
  }

  private void scheduleRefresh(BackendClient client, SsoTokens fresh) {
    ScheduledFuture<?> previous = nextRefresh;
    if (previous != null) {
      previous.cancel(false);
    }
    if (fresh.refreshToken() == null || fresh.expiresAt() == null) {
      return;
    }
    Duration left = Duration.between(clock.instant(), fresh.expiresAt());
    // Refresh when four fifths of the lifetime are gone: leaves room for a slow or retried call.
    long delay = Math.max(1000, left.toMillis() * 4 / 5);
    nextRefresh =
        refresher.schedule(
            () -> {
              try {
                renew(client);
                LOG.info("sign-on refreshed; the token is good until {}", tokens.expiresAt());
              } catch (RuntimeException e) {
                LOG.warn("refreshing the sign-on failed: {}", e.getMessage());
              }
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  /** The token held now (tests). */
  SsoTokens tokens() {
    return tokens;
  }

  // ---- the protocol ---------------------------------------------------------------------------

  /** Tokens from a sign-on in the browser, and when the provider says the person signed in. */
  private record SignedOn(SsoTokens tokens, Instant authenticatedAt) {}

  /** Keeps {@code fresh} for the next start. */
  private SsoTokens kept(SsoTokens fresh) {
    store.save(storeKey, fresh);
    return fresh;
  }

  private SignedOn signOnInBrowser(OkHttpClient http, boolean signInAgain) {
    OIDCProviderMetadata meta = provider(http);
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    Nonce nonce = new Nonce();
    try (LoopbackCallback callback = new LoopbackCallback()) {
      URI redirect = callback.redirectUri();
      URI authorize =
          new AuthenticationRequest.Builder(
                  new ResponseType("code"), new Scope("openid", "profile"), clientId, redirect)
              .endpointURI(meta.getAuthorizationEndpointURI())
              .state(state)
              .nonce(nonce)
              .codeChallenge(verifier, CodeChallengeMethod.S256)
              .prompt(signInAgain ? new Prompt(Prompt.Type.LOGIN) : null)
              .maxAge(signInAgain ? 0 : -1)
              .build()
              .toURI();
      LOG.info("single sign-on: opening the browser at {}", meta.getAuthorizationEndpointURI());
      browser.open(authorize);
      AuthorizationResponse response = AuthorizationResponse.parse(callback.await(SIGN_ON_TIMEOUT));
      if (!response.indicatesSuccess()) {
        var error = response.toErrorResponse().getErrorObject();
        throw new SignOnException(
            "the provider refused the sign-on: " + error.getCode() + " " + error.getDescription());
      }
      AuthorizationSuccessResponse success = response.toSuccessResponse();
      if (!state.equals(success.getState())) {
        throw new SignOnException("the sign-on answer's state does not match; ignored");
      }
      Issuer from = success.getIssuer();
      if (from != null && !from.equals(meta.getIssuer())) {
        throw new SignOnException("the sign-on answer came from another issuer: " + from);
      }
      AuthorizationGrant grant =
          new AuthorizationCodeGrant(success.getAuthorizationCode(), redirect, verifier);
      return tokenRequest(http, meta, grant, nonce, null);
    } catch (TimeoutException e) {
      throw new SignOnException(
          "no sign-on within " + SIGN_ON_TIMEOUT.toMinutes() + " minutes in the browser");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignOnException("sign-on interrupted");
    } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
      throw new SignOnException("single sign-on failed: " + e.getMessage());
    }
  }

  private SsoTokens refresh(OkHttpClient http, SsoTokens held) {
    OIDCProviderMetadata meta = provider(http);
    RefreshTokenGrant grant = new RefreshTokenGrant(new RefreshToken(held.refreshToken()));
    return kept(tokenRequest(http, meta, grant, null, held.subject()).tokens());
  }

  /**
   * @param knownSubject whom the tokens are for when the answer has no ID token (a refresh)
   */
  private SignedOn tokenRequest(
      OkHttpClient http,
      OIDCProviderMetadata meta,
      AuthorizationGrant grant,
      Nonce nonce,
      String knownSubject) {
    HTTPRequest request =
        new TokenRequest(meta.getTokenEndpointURI(), clientId, grant).toHTTPRequest();
    try {
      TokenResponse response = OIDCTokenResponseParser.parse(send(http, request));
      if (!response.indicatesSuccess()) {
        TokenErrorResponse error = response.toErrorResponse();
        throw new SignOnException(
            "the provider refused the token request: "
                + error.getErrorObject().getCode()
                + " "
                + error.getErrorObject().getDescription());
      }
      OIDCTokens oidc = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
      String subject = knownSubject;
      Instant authenticatedAt = null;
      if (oidc.getIDToken() != null) {
        JWKSet keys = JWKSet.parse(get(http, meta.getJWKSetURI()));
        IDTokenClaimsSet claims =
            new IDTokenValidator(meta.getIssuer(), clientId, JWSAlgorithm.RS256, keys)
                .validate(oidc.getIDToken(), nonce);
        subject = claims.getSubject().getValue();
        authenticatedAt =
            claims.getAuthenticationTime() == null
                ? null
                : claims.getAuthenticationTime().toInstant();
      } else if (nonce != null) {
        throw new SignOnException("the provider sent no ID token");
      }
      long lifetime = oidc.getAccessToken().getLifetime();
      Instant expires = lifetime > 0 ? clock.instant().plusSeconds(lifetime) : null;
      RefreshToken refresh = oidc.getRefreshToken();
      SsoTokens fresh =
          new SsoTokens(
              oidc.getAccessToken().getValue(),
              expires,
              refresh == null ? null : refresh.getValue(),
              subject);
      return new SignedOn(fresh, authenticatedAt);
    } catch (com.nimbusds.oauth2.sdk.ParseException
        | java.text.ParseException
        | com.nimbusds.jose.proc.BadJOSEException
        | com.nimbusds.jose.JOSEException e) {
      throw new SignOnException("the provider's answer is not acceptable: " + e.getMessage());
    }
  }

  private OIDCProviderMetadata provider(OkHttpClient http) {
    OIDCProviderMetadata known = provider;
    if (known != null) {
      return known;
    }
    URI discovery =
        URI.create(issuer.toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
    try {
      OIDCProviderMetadata meta = OIDCProviderMetadata.parse(get(http, discovery));
      if (!meta.getIssuer().getValue().equals(issuer.toString().replaceAll("/$", ""))) {
        throw new SignOnException(
            "the provider at " + issuer + " names another issuer: " + meta.getIssuer());
      }
      provider = meta;
      return meta;
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new SignOnException(
          "the provider's discovery document is not valid: " + e.getMessage());
    }
  }

  @Override
  public synchronized void signOut(BackendClient client) {
    SsoTokens held = tokens != null ? tokens : store.load(storeKey).orElse(null);
    ScheduledFuture<?> pending = nextRefresh;
    if (pending != null) {
      pending.cancel(false);
    }
    tokens = null;
    store.clear(storeKey);
    client.forgetSession();
    if (held != null) {
      revokeRefresh(client, held.refreshToken());
    }
  }

  /** Revokes a refresh token at the provider (RFC 7009); a failure is logged, not thrown. */
  private void revokeRefresh(BackendClient client, String refreshToken) {
    if (refreshToken == null) {
      return;
    }
    try {
      OIDCProviderMetadata meta = provider(client.http());
      if (meta.getRevocationEndpointURI() != null) {
        send(
            client.http(),
            new TokenRevocationRequest(
                    meta.getRevocationEndpointURI(), clientId, new RefreshToken(refreshToken))
                .toHTTPRequest());
      }
    } catch (RuntimeException e) {
      LOG.warn("could not revoke the refresh token at the provider: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    confirming.shutdownNow();
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("closing the token store failed: {}", e.getMessage());
      }
    }
  }

  // ---- HTTP through OkHttp
  // ------------------------------------------------------------------------

  private static HTTPResponse send(OkHttpClient http, HTTPRequest request) {
    Request built =
        new Request.Builder()
            .url(request.getURI().toString())
            .post(RequestBody.create(request.getBody() == null ? "" : request.getBody(), FORM))
            .build();
    try (Response response = http.newCall(built).execute()) {
      HTTPResponse answer = new HTTPResponse(response.code());
      String type = response.header("Content-Type");
      if (type != null) {
        answer.setContentType(type);
      }
      answer.setBody(response.body().string());
      return answer;
    } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
      throw new SignOnException(built.url() + " failed: " + e.getMessage());
    }
  }

  private static String get(OkHttpClient http, URI uri) {
    Request built = new Request.Builder().url(uri.toString()).get().build();
    try (Response response = http.newCall(built).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new SignOnException("GET " + uri + " → HTTP " + response.code());
      }
      return body;
    } catch (IOException e) {
      throw new SignOnException("GET " + uri + " failed: " + e.getMessage());
    }
  }

  /** Sign-on failed in a way the operator can act on; the message says how. */
  public static final class SignOnException extends BackendException {
    SignOnException(String message) {
      super(message, 0, null);
    }
  }
}
