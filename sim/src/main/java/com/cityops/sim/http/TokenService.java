package com.cityops.sim.http;

import com.cityops.api.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens signed with HMAC-SHA256: {@code base64url(user|role|expiry).base64url(mac)}. The
 * key lives in the data directory, so tokens stay valid across a server restart (clients resume
 * without signing in again). Thread-safe.
 */
final class TokenService {
  static final Duration LIFETIME = Duration.ofHours(12);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;

  private TokenService(byte[] key) {
    this.key = key;
  }

  static TokenService create(Path dataDir) {
    if (dataDir == null) {
      return new TokenService(randomKey());
    }
    Path file = dataDir.resolve("token.key");
    try {
      if (Files.exists(file)) {
        return new TokenService(Files.readAllBytes(file));
      }
      Files.createDirectories(dataDir);
      byte[] key = randomKey();
      Files.write(file, key);
      return new TokenService(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the token key " + file, e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  String issue(Users.User user, Instant expiresAt) {
    String claims = user.username() + "|" + user.role().name() + "|" + expiresAt.getEpochSecond();
    byte[] body = claims.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
  }

  /** The user a token names, if it is well-formed, correctly signed and not expired. */
  Optional<Users.User> verify(String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      byte[] body = B64D.decode(token.substring(0, dot));
      byte[] mac = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, mac(body))) {
        return Optional.empty();
      }
      String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 3 || Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(now)) {
        return Optional.empty();
      }
      return Optional.of(Users.of(parts[0], Role.valueOf(parts[1])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** When a token {@link #verify verified} before expires. */
  Instant expiry(String token) {
    String body =
        new String(B64D.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    return Instant.ofEpochSecond(Long.parseLong(body.substring(body.lastIndexOf('|') + 1)));
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
