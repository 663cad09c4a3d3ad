package com.cityops.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cityops.api.LoginResponse;
import com.cityops.api.Role;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.BackendException;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on against the reference backend's OpenID Connect provider over real sockets: the
 * browser is played by {@link HeadlessBrowser}, everything else is the product's code path.
 */
class OidcSignOnIT {
  @TempDir Path dir;
  private SimServer sim;
  private BackendClient client;
  private TokenStore store;

  @BeforeEach
  void start() {
    sim =
        SimServer.start(
            SimConfig.builder()
                .port(0)
                .seed(5)
                .rate(0)
                .ssoTokenLifetime(Duration.ofSeconds(4))
                .build());
    client = new BackendClient(sim.baseUrl());
    store = new EncryptedFileTokenStore(dir.resolve("sso-tokens.bin"), dir.resolve("sso.key"));
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private OidcSignOn signOn(Browser browser) {
    return new OidcSignOn(
        URI.create(sim.baseUrl()), "cityops-console", browser, store, Clock.systemUTC());
  }

  @Test
  void signsOnInTheBrowserWithPkceAndTheBackendAcceptsTheToken() throws Exception {
    HeadlessBrowser browser = new HeadlessBrowser("supervisor", "supervisor");
    try (OidcSignOn sso = signOn(browser)) {
      LoginResponse session = sso.signIn(client);
      assertThat(session.username()).isEqualTo("supervisor");
      assertThat(session.role()).isEqualTo(Role.SUPERVISOR);
      assertThat(client.snapshot().incidents()).isNotEmpty();
      assertThat(browser.opened).isEqualTo(1);
      assertThat(browser.redirects.get(0)).startsWith("http://127.0.0.1:").contains("code=");
      // kept encrypted: neither token appears in the file
      String onDisk =
          new String(
              Files.readAllBytes(dir.resolve("sso-tokens.bin")), StandardCharsets.ISO_8859_1);
      assertThat(onDisk)
          .doesNotContain(sso.tokens().accessToken())
          .doesNotContain(sso.tokens().refreshToken());
    }
    // the code was single-use: replaying it is refused by the provider
    String code = browser.redirects.get(0).replaceAll(".*code=([^&]+).*", "$1");
    try (Response replay =
        token(
            new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("client_id", "cityops-console")
                .add("code", code)
                .add("redirect_uri", browser.redirects.get(0).replaceAll("\\?.*", ""))
                .add("code_verifier", "x".repeat(43)))) {
      assertThat(replay.code()).isEqualTo(400);
      assertThat(replay.body().string()).contains("invalid_grant");
    }
  }

  @Test
  void theNextStartSignsOnWithoutTheBrowserAndRefreshesBeforeExpiry() {
    try (OidcSignOn first = signOn(new HeadlessBrowser("operator", "operator"))) {
      first.signIn(client);
    }
    HeadlessBrowser unused = new HeadlessBrowser("operator", "operator");
    try (BackendClient restarted = new BackendClient(sim.baseUrl());
        OidcSignOn again = signOn(unused)) {
      assertThat(again.signIn(restarted).role()).isEqualTo(Role.OPERATOR);
      String before = again.tokens().accessToken();
      // 4 s tokens: refreshed at four fifths of the lifetime, and the API keeps answering after
      // the first token expired
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !before.equals(again.tokens().accessToken()));
      await()
          .pollDelay(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(() -> assertThat(restarted.snapshot().incidents()).isNotEmpty());
      assertThat(unused.opened).as("browser opened on the second start").isZero();
    }
  }

  @Test
  void signOutRevokesTheRefreshTokenAndForgetsEverything() throws Exception {
    String refresh;
    try (OidcSignOn sso = signOn(new HeadlessBrowser("operator", "operator"))) {
      sso.signIn(client);
      refresh = sso.tokens().refreshToken();
      sso.signOut(client);
      assertThat(sso.tokens()).isNull();
    }
    assertThat(store.load(URI.create(sim.baseUrl()) + "|cityops-console")).isEmpty();
    assertThatThrownBy(client::snapshot)
        .isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).status()).isEqualTo(401));
    try (Response reused =
        token(
            new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("client_id", "cityops-console")
                .add("refresh_token", refresh))) {
      assertThat(reused.code()).isEqualTo(400);
    }
  }

  @Test
  void refusesAnAnswerWhoseStateWasChanged() {
    HeadlessBrowser forged =
        new HeadlessBrowser(
            "operator", "operator", location -> location.replaceAll("state=[^&]+", "state=forged"));
    try (OidcSignOn sso = signOn(forged)) {
      assertThatThrownBy(() -> sso.signIn(client))
          .isInstanceOf(OidcSignOn.SignOnException.class)
          .hasMessageContaining("state does not match");
    }
  }

  @Test
  void aWrongPasswordShowsTheFormAgainWithTheReason() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    FormBody form =
        new FormBody.Builder()
            .add("response_type", "code")
            .add("client_id", "cityops-console")
            .add("redirect_uri", "http://127.0.0.1:9/callback")
            .add("scope", "openid")
            .add("state", "s")
            .add("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            .add("code_challenge_method", "S256")
            .add("username", "operator")
            .add("password", "wrong")
            .build();
    try (Response page =
        http.newCall(
                new Request.Builder().url(sim.baseUrl() + "/oidc/authorize").post(form).build())
            .execute()) {
      assertThat(page.code()).isEqualTo(401);
      assertThat(page.body().string()).contains("用户名或密码错误").contains("name=\"password\"");
    }
  }

  private Response token(FormBody.Builder form) throws Exception {
    return new OkHttpClient()
        .newCall(
            new Request.Builder().url(sim.baseUrl() + "/oidc/token").post(form.build()).build())
        .execute();
  }
}
