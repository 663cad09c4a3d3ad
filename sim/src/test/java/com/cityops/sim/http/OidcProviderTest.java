package com.cityops.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcProviderTest {
  @Test
  void pkceChallengeIsBase64UrlOfSha256WithoutPadding() {
    // computed independently: printf %s VERIFIER | openssl dgst -sha256 -binary | base64url
    assertThat(OidcProvider.s256("dBjftJeZ4CVP-mJ92K9qp6NpbRqzkQkYpOjvTWSaDaM"))
        .isEqualTo("we7nAHVWuJ9sXKDSuBop1DpGIow92dKEG1ZosszN25o");
  }

  @Test
  void acceptsLoopbackCallbacksOnAnyPortOnly() {
    assertThat(OidcProvider.isLoopbackCallback("http://127.0.0.1:51234/callback")).isTrue();
    assertThat(OidcProvider.isLoopbackCallback("http://[::1]:8080/callback")).isTrue();
    assertThat(OidcProvider.isLoopbackCallback("http://localhost:8080/callback")).isFalse();
    assertThat(OidcProvider.isLoopbackCallback("https://evil.example/callback")).isFalse();
    assertThat(OidcProvider.isLoopbackCallback("http://127.0.0.1/callback")).isFalse();
    assertThat(OidcProvider.isLoopbackCallback("http://127.0.0.1:80/other")).isFalse();
    assertThat(OidcProvider.isLoopbackCallback(null)).isFalse();
  }

  @Test
  void refusesRequestsWithoutPkceStateOrOpenidScope() {
    Map<String, String> ok = new HashMap<>();
    ok.put("client_id", OidcProvider.CLIENT_ID);
    ok.put("redirect_uri", "http://127.0.0.1:5000/callback");
    ok.put("response_type", "code");
    ok.put("scope", "openid profile");
    ok.put("state", "s");
    ok.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    ok.put("code_challenge_method", "S256");
    assertThat(OidcProvider.checkAuthorizationRequest(ok)).isNull();
    assertThat(OidcProvider.checkAuthorizationRequest(with(ok, "code_challenge_method", "plain")))
        .contains("PKCE");
    assertThat(OidcProvider.checkAuthorizationRequest(with(ok, "scope", "profile")))
        .contains("openid");
    assertThat(OidcProvider.checkAuthorizationRequest(with(ok, "state", ""))).contains("state");
    assertThat(OidcProvider.checkAuthorizationRequest(with(ok, "client_id", "x")))
        .contains("client_id");
  }

  @Test
  void escapesWhatItEchoesIntoThePage() {
    assertThat(OidcProvider.escape("\"><script>")).isEqualTo("&quot;&gt;&lt;script&gt;");
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
