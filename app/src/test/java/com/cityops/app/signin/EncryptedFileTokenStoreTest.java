package com.cityops.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileTokenStoreTest {
  @TempDir Path dir;

  private EncryptedFileTokenStore store() {
    return new EncryptedFileTokenStore(dir.resolve("t.bin"), dir.resolve("keys/t.key"));
  }

  @Test
  void keepsTokensAcrossInstancesEncryptedAndOwnerOnly() throws Exception {
    SsoTokens tokens =
        new SsoTokens(
            "access-secret", Instant.parse("2026-12-02T10:00:00Z"), "refresh-secret", "operator");
    store().save("a", tokens);
    assertThat(store().load("a")).contains(tokens);
    assertThat(new String(Files.readAllBytes(dir.resolve("t.bin")), "ISO-8859-1"))
        .doesNotContain("secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("t.bin"))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/t.key"))))
        .isEqualTo("rw-------");
    assertThat(tokens.toString()).doesNotContain("secret");
  }

  @Test
  void aChangedFileOrALostKeyHoldsNothing() throws Exception {
    store().save("a", new SsoTokens("x", Instant.EPOCH, "y", null));
    byte[] bytes = Files.readAllBytes(dir.resolve("t.bin"));
    bytes[bytes.length - 1] ^= 1;
    Files.write(dir.resolve("t.bin"), bytes);
    assertThat(store().load("a")).isEmpty();
    store().save("b", new SsoTokens("x", Instant.EPOCH, "y", null));
    Files.delete(dir.resolve("keys/t.key"));
    assertThat(store().load("b")).isEmpty();
  }

  @Test
  void clearRemovesOnlyThatEntry() {
    store().save("a", new SsoTokens("x", Instant.EPOCH, null, null));
    store().save("b", new SsoTokens("z", Instant.EPOCH, null, null));
    store().clear("a");
    store().clear("never-held");
    assertThat(store().load("a")).isEmpty();
    assertThat(store().load("b")).isPresent();
  }
}
