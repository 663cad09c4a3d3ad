package com.cityops.app.signin;

import com.cityops.api.Json;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * Single sign-on tokens in the OS keychain — Windows Credential Manager, the Secret Service on
 * Linux (GNOME Keyring, KeePassXC …), the macOS Keychain — through java-keyring: one entry per
 * provider and client, its secret the tokens as JSON. The keychain guards them with the OS sign-in;
 * nothing is written to the data folder. Blocking (D-Bus or OS calls): off the FX thread.
 */
final class KeychainTokenStore implements TokenStore, AutoCloseable {
  static final String SERVICE = "CityOps Console single sign-on";

  private final Keyring keyring;

  KeychainTokenStore(Keyring keyring) {
    this.keyring = keyring;
  }

  /** Which keychain this is (for the log and the doctor). */
  String kind() {
    return keyring.getKeyringStorageType().name();
  }

  @Override
  public synchronized Optional<SsoTokens> load(String key) {
    String secret;
    try {
      secret = keyring.getPassword(SERVICE, key);
    } catch (PasswordAccessException notThere) {
      return Optional.empty(); // java-keyring answers "not found" the same way
    }
    if (secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(secret, SsoTokens.class));
    } catch (Json.MalformedJsonException e) {
      return Optional.empty(); // not ours, or from an older version: sign on again
    }
  }

  @Override
  public synchronized void save(String key, SsoTokens tokens) {
    try {
      keyring.setPassword(SERVICE, key, Json.write(tokens));
    } catch (PasswordAccessException e) {
      throw new IllegalStateException(
          "cannot keep the sign-on in the OS keychain (" + kind() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void clear(String key) {
    try {
      keyring.deletePassword(SERVICE, key);
    } catch (PasswordAccessException nothingHeld) {
      // nothing held is fine
    }
  }

  @Override
  public void close() throws Exception {
    keyring.close();
  }
}
