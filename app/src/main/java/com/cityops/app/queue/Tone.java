package com.cityops.app.queue;

/**
 * The alert tones an operator can choose per grade, as sequences of beeps. Distinct in rhythm as
 * well as pitch, so a grade is recognisable without looking.
 *
 * @param hertz the pitch of each beep
 * @param beepMillis how long each beep lasts
 * @param gapMillis the silence after each beep
 * @param beeps how many beeps one announcement plays
 */
public enum Tone {
  /** Fast high triple beep: the most urgent. */
  ALARM(1320, 140, 70, 3),
  /** Two-tone siren-like pair. */
  SIREN(880, 300, 60, 2),
  /** A single soft chime. */
  CHIME(660, 420, 0, 1);

  private final int hertz;
  private final int beepMillis;
  private final int gapMillis;
  private final int beeps;

  Tone(int hertz, int beepMillis, int gapMillis, int beeps) {
    this.hertz = hertz;
    this.beepMillis = beepMillis;
    this.gapMillis = gapMillis;
    this.beeps = beeps;
  }

  public int hertz() {
    return hertz;
  }

  public int beepMillis() {
    return beepMillis;
  }

  public int gapMillis() {
    return gapMillis;
  }

  public int beeps() {
    return beeps;
  }
}
