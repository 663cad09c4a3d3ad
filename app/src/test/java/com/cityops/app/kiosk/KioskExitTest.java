package com.cityops.app.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.kiosk.KioskExit.Outcome;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KioskExitTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void onlyTheRightPinLeavesAndThreeWrongOnesLockTheExitForAMinute() {
    KioskExit exit = new KioskExit(" 8642 \n", now::get);
    assertThat(exit.attempt("1234")).isEqualTo(Outcome.WRONG);
    assertThat(exit.attempt("")).isEqualTo(Outcome.WRONG);
    assertThat(exit.attempt("0000")).isEqualTo(Outcome.LOCKED);
    now.addAndGet(KioskExit.LOCKOUT.toNanos() - 1);
    assertThat(exit.attempt("8642")).as("still locked").isEqualTo(Outcome.LOCKED);
    now.addAndGet(1);
    assertThat(exit.attempt("8642")).isEqualTo(Outcome.EXIT);
  }

  @Test
  void withoutAPinThereIsNoExitFromTheScreen() {
    assertThat(new KioskExit(null, now::get).attempt("anything")).isEqualTo(Outcome.NO_PIN_SET);
  }
}
