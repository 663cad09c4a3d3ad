package com.cityops.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TLS only to backends on other machines, unless explicitly allowed. */
class PlainHttpRuleTest {
  @Test
  void refusesPlainHttpToAnotherMachine() {
    assertThatThrownBy(() -> new BackendClient("http://10.20.30.40:8787/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain http:// to 10.20.30.40")
        .hasMessageContaining("https://")
        .hasMessageContaining("--allow-plain-http");
    assertThatThrownBy(() -> new BackendClient("http://ops.city.example/"))
        .hasMessageContaining("ops.city.example");
  }

  @Test
  void allowsLoopbackTlsAndTheExplicitOptOut() {
    assertThatCode(() -> new BackendClient("http://127.0.0.1:8787/").close())
        .doesNotThrowAnyException();
    assertThatCode(() -> new BackendClient("http://localhost:8787/").close())
        .doesNotThrowAnyException();
    assertThatCode(() -> new BackendClient("http://[::1]:8787/").close())
        .doesNotThrowAnyException();
    assertThatCode(() -> new BackendClient("https://ops.city.example/").close())
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new BackendClient(
                        "http://10.20.30.40:8787/",
                        TransportSettings.DEFAULT.withPlainHttpAllowed(true))
                    .close())
        .doesNotThrowAnyException();
    assertThat(TransportSettings.isLoopback("127.0.0.2")).isTrue();
    assertThat(TransportSettings.isLoopback("128.0.0.1")).isFalse();
  }
}
