package com.cityops.app.signin;

import com.github.javakeyring.Keyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where single sign-on tokens are kept: the OS keychain when one answers a round trip (a
 * probe entry written, read back and removed within {@link #PROBE_TIMEOUT_SECONDS} s), else the
 * encrypted file in the data folder. The choice and its reason are logged. Once the keychain is
 * used, tokens an earlier run left in the file are deleted.
 */
public final class TokenStores {
  private static final Logger LOG = LoggerFactory.getLogger(TokenStores.class);
  static final String FILE = "sso-tokens.bin";
  static final String KEY_FILE = "sso.key";
  static final long PROBE_TIMEOUT_SECONDS = 5;

  private TokenStores() {}

  /** The store for {@code dataDir}; {@code keychain} false forces the encrypted file. */
  public static TokenStore choose(Path dataDir, boolean keychain) {
    Path file = dataDir.resolve(FILE);
    Path keyFile = dataDir.resolve(KEY_FILE);
    if (keychain) {
      try {
        KeychainTokenStore store = probe();
        LOG.info("single sign-on tokens are kept in the OS keychain ({})", store.kind());
        deleteLeftovers(file, keyFile);
        return store;
      } catch (KeychainUnavailable e) {
        LOG.info(
            "no OS keychain ({}); single sign-on tokens are kept encrypted in {}",
            e.getMessage(),
            file);
      }
    }
    return new EncryptedFileTokenStore(file, keyFile);
  }

  /** Why there is no keychain to use. */
  static final class KeychainUnavailable extends Exception {
    KeychainUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static KeychainTokenStore probe() throws KeychainUnavailable {
    // D-Bus or a locked keyring may not answer at all: never wait longer than the timeout.
    ExecutorService probing =
        Executors.newSingleThreadExecutor(
            com.cityops.app.platform.DaemonThreads.named("cityops-keychain-probe"));
    try {
      Future<KeychainTokenStore> answer =
          probing.submit(
              () -> {
                Keyring keyring = Keyring.create();
                String account = "probe-" + UUID.randomUUID();
                keyring.setPassword(KeychainTokenStore.SERVICE, account, "ok");
                String back = keyring.getPassword(KeychainTokenStore.SERVICE, account);
                keyring.deletePassword(KeychainTokenStore.SERVICE, account);
                if (!"ok".equals(back)) {
                  throw new IllegalStateException("the keychain did not give back what was stored");
                }
                return new KeychainTokenStore(keyring);
              });
      return answer.get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new KeychainUnavailable(
          "it did not answer within " + PROBE_TIMEOUT_SECONDS + " s (locked?)", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new KeychainUnavailable(
          cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeychainUnavailable("interrupted", e);
    } finally {
      probing.shutdownNow();
    }
  }

  private static void deleteLeftovers(Path file, Path keyFile) {
    try {
      if (Files.deleteIfExists(file) | Files.deleteIfExists(keyFile)) {
        LOG.info("deleted the tokens an earlier run kept in {}", file);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete the old token file {}: {}", file, e.getMessage());
    }
  }
}
