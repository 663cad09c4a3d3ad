package com.cityops.app.signin;

import com.cityops.api.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens in one file encrypted with AES-256-GCM under a random key kept in a second file, both
 * readable by the owner only. Without a keychain this is what is possible: it keeps tokens out of
 * plain sight, out of logs and out of a copy of the tokens file alone; it does not stand against
 * someone who can read every file of this OS user. A file that does not decrypt (changed, or the
 * key lost) is treated as holding nothing: the operator signs on again. Thread-safe.
 */
public final class EncryptedFileTokenStore implements TokenStore {
  private static final int NONCE_BYTES = 12;
  private static final TypeReference<Map<String, SsoTokens>> ENTRIES = new TypeReference<>() {};
  private final Path file;
  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();

  public EncryptedFileTokenStore(Path file, Path keyFile) {
    this.file = file;
    this.keyFile = keyFile;
  }

  @Override
  public synchronized Optional<SsoTokens> load(String key) {
    return Optional.ofNullable(readAll().get(key));
  }

  @Override
  public synchronized void save(String key, SsoTokens tokens) {
    Map<String, SsoTokens> all = readAll();
    all.put(key, tokens);
    writeAll(all);
  }

  @Override
  public synchronized void clear(String key) {
    Map<String, SsoTokens> all = readAll();
    if (all.remove(key) != null) {
      writeAll(all);
    }
  }

  private Map<String, SsoTokens> readAll() {
    if (!Files.exists(file) || !Files.exists(keyFile)) {
      return new HashMap<>();
    }
    try {
      ByteBuffer sealed = ByteBuffer.wrap(Files.readAllBytes(file));
      byte[] nonce = new byte[NONCE_BYTES];
      sealed.get(nonce);
      byte[] body = new byte[sealed.remaining()];
      sealed.get(body);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      return new HashMap<>(Json.mapper().readValue(cipher.doFinal(body), ENTRIES));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(EncryptedFileTokenStore.class)
          .warn("sign-on tokens in {} cannot be read ({}); signing on again", file, e.toString());
      return new HashMap<>();
    }
  }

  private void writeAll(Map<String, SsoTokens> all) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      byte[] body = cipher.doFinal(Json.mapper().writeValueAsBytes(all));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      ownerOnly(
          Files.write(
              temp, ByteBuffer.allocate(nonce.length + body.length).put(nonce).put(body).array()));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sign-on tokens to " + file, e);
    }
  }

  private SecretKeySpec key() throws IOException {
    if (!Files.exists(keyFile)) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      ownerOnly(Files.write(keyFile, key));
    }
    return new SecretKeySpec(Files.readAllBytes(keyFile), "AES");
  }

  private static Path ownerOnly(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
    return path;
  }
}
