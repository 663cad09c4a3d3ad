package com.cityops.bench;

/**
 * What other processes took of the machine's cores while a part ran (from {@code /proc}, as {@link
 * MapFrames} counts it: all busy ticks minus this JVM's, its parent's and Xvfb's), and a wait for a
 * quiet machine before a part starts. The machine is shared; figures measured while others took a
 * core are not comparable with quiet ones. Not thread-safe.
 */
final class OtherLoad {
  private final long[] start = MapFrames.cpuTicks();
  private final long t0 = System.nanoTime();

  /** Other processes' cores since this was made (0 where {@code /proc} cannot be read). */
  double cores() {
    long[] now = MapFrames.cpuTicks();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (seconds <= 0 || now[0] == 0) {
      return 0;
    }
    long other = (now[0] - start[0]) - (now[1] - start[1]) - (now[2] - start[2]);
    return Math.max(0, other / 100.0 / seconds);
  }

  /**
   * Waits (at most {@code maxSeconds}) until other processes used under {@code cores} for two
   * seconds in a row; answers the seconds waited.
   */
  static double waitForQuiet(double maxSeconds, double cores) throws InterruptedException {
    long t0 = System.nanoTime();
    int quiet = 0;
    while (quiet < 2 && (System.nanoTime() - t0) / 1e9 < maxSeconds) {
      OtherLoad second = new OtherLoad();
      Thread.sleep(1000);
      quiet = second.cores() < cores ? quiet + 1 : 0;
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
