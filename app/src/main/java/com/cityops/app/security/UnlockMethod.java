package com.cityops.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How the person at a locked seat proves to be the one signed in: the sign-in password, or signing
 * on again at the single sign-on provider.
 */
public interface UnlockMethod {
  /** What an attempt came to; {@code detail} says why it failed, for the lock pane. */
  record Result(Outcome outcome, String detail) {
    public static final Result UNLOCKED = new Result(Outcome.UNLOCKED, null);
  }

  enum Outcome {
    UNLOCKED,
    WRONG_PASSWORD,
    ANOTHER_PERSON,
    FAILED
  }

  /** Whether the lock pane asks for a password (else it offers to sign on again). */
  boolean asksForPassword();

  /**
   * One attempt ({@code typed}: what was typed, empty when no password is asked for); may complete
   * on any thread, and later.
   */
  CompletionStage<Result> attempt(String typed);

  /**
   * Signing on again at the single sign-on provider ({@code attempt}: e.g. {@code
   * OidcSignOn.confirmSamePerson}); no password is asked for.
   */
  static UnlockMethod signOnAgain(java.util.function.Supplier<CompletionStage<Result>> attempt) {
    return new UnlockMethod() {
      @Override
      public boolean asksForPassword() {
        return false;
      }

      @Override
      public CompletionStage<Result> attempt(String typed) {
        return attempt.get();
      }
    };
  }

  /** The password this session signed in with, compared in constant time. */
  static UnlockMethod password(String password) {
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    return new UnlockMethod() {
      @Override
      public boolean asksForPassword() {
        return true;
      }

      @Override
      public CompletionStage<Result> attempt(String typed) {
        boolean right = MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8), secret);
        return CompletableFuture.completedFuture(
            right ? Result.UNLOCKED : new Result(Outcome.WRONG_PASSWORD, null));
      }
    };
  }
}
