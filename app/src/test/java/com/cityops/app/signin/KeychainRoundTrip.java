package com.cityops.app.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Run in a child JVM inside its own D-Bus session (see {@link KeychainTokenStoreIT}): picks a store
 * for the data folder given, keeps tokens, reads them back through a second connection, and prints
 * one line per fact for the test to check.
 */
public final class KeychainRoundTrip {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String key = "https://sso.example.test|cityops-console";
    SsoTokens tokens =
        new SsoTokens("access-" + args[1], Instant.parse("2026-12-03T08:00:00Z"), "refresh", "op");
    TokenStore first = TokenStores.choose(dir, true);
    System.out.println("store=" + first.getClass().getSimpleName());
    first.save(key, tokens);
    TokenStore second = TokenStores.choose(dir, true);
    System.out.println("readBack=" + second.load(key).map(tokens::equals).orElse(false));
    System.out.println("inAFile=" + anyFileHolds(dir, tokens.accessToken()));
    second.clear(key);
    System.out.println("afterClear=" + first.load(key).isPresent());
    for (TokenStore store : new TokenStore[] {first, second}) {
      if (store instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  private static boolean anyFileHolds(Path dir, String text) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(text)) {
          return true;
        }
      }
    }
    return false;
  }
}
