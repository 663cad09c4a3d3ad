package com.cityops.app.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether an administrator may leave kiosk mode: the PIN from the PIN file, compared in constant
 * time; three wrong PINs lock the exit for {@link #LOCKOUT}. Pure logic (tested without a window).
 */
public final class KioskExit {
  static final int TRIES = 3;
  static final Duration LOCKOUT = Duration.ofSeconds(60);

  /** What a PIN entry led to. */
  public enum Outcome {
    EXIT,
    WRONG,
    LOCKED,
    NO_PIN_SET
  }

  private final byte[] pin;
  private final LongSupplier nanoClock;
  private int wrong;
  private long lockedUntil = Long.MIN_VALUE;

  /**
   * @param pin the administrator's PIN, or null when none was configured (no exit from here)
   */
  public KioskExit(String pin, LongSupplier nanoClock) {
    this.pin = pin == null || pin.isBlank() ? null : pin.strip().getBytes(StandardCharsets.UTF_8);
    this.nanoClock = nanoClock;
  }

  public Outcome attempt(String entered) {
    if (pin == null) {
      return Outcome.NO_PIN_SET;
    }
    long now = nanoClock.getAsLong();
    if (now < lockedUntil) {
      return Outcome.LOCKED;
    }
    byte[] given = (entered == null ? "" : entered.strip()).getBytes(StandardCharsets.UTF_8);
    if (MessageDigest.isEqual(pin, given)) {
      wrong = 0;
      return Outcome.EXIT;
    }
    if (++wrong >= TRIES) {
      wrong = 0;
      lockedUntil = now + LOCKOUT.toNanos();
      return Outcome.LOCKED;
    }
    return Outcome.WRONG;
  }
}
