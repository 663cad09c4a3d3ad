package com.cityops.app.kiosk;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a kiosk's screens on: on Windows by telling the system the display is needed ({@code
 * SetThreadExecutionState}, renewed from one thread of its own), on X11 by switching the screen
 * saver and DPMS off ({@code xset}) and resetting the desktop's idle timer ({@code xdg-screensaver
 * reset}) every {@link #EVERY_SECONDS} s. Says in the log what it could do.
 */
public final class KeepAwake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeepAwake.class);
  static final long EVERY_SECONDS = 50;

  private static final int ES_CONTINUOUS = 0x80000000;
  private static final int ES_SYSTEM_REQUIRED = 0x00000001;
  private static final int ES_DISPLAY_REQUIRED = 0x00000002;

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          com.cityops.app.platform.DaemonThreads.named("cityops-keep-awake"));

  public static KeepAwake start() {
    KeepAwake awake = new KeepAwake();
    awake.executor.execute(awake::begin);
    return awake;
  }

  private void begin() {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      executor.scheduleWithFixedDelay(this::windows, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    } else if (System.getenv("DISPLAY") != null) {
      boolean xset =
          run(List.of("xset", "s", "off", "-dpms")) && run(List.of("xset", "s", "noblank"));
      boolean xdg = com.cityops.app.platform.Commands.onPath("xdg-screensaver");
      LOG.info(
          "kiosk: screen kept on: {}; {}",
          xset ? "X screen saver and DPMS off (xset)" : "xset not available",
          xdg
              ? "idle timer reset every " + EVERY_SECONDS + " s (xdg-screensaver)"
              : "no xdg-screensaver: a desktop screen lock is not held off");
      if (xdg) {
        executor.scheduleWithFixedDelay(
            () -> run(List.of("xdg-screensaver", "reset")),
            EVERY_SECONDS,
            EVERY_SECONDS,
            TimeUnit.SECONDS);
      }
    } else {
      LOG.warn("kiosk: no X display and not Windows: cannot keep the screen on from here");
    }
  }

  private void windows() {
    try {
      int before =
          com.sun.jna.platform.win32.Kernel32.INSTANCE.SetThreadExecutionState(
              ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED);
      if (before == 0) {
        LOG.warn("kiosk: Windows refused SetThreadExecutionState: the screen may still sleep");
      }
    } catch (LinkageError e) {
      LOG.warn("kiosk: cannot keep the screen on (JNA): {}", e.toString());
    }
  }

  private static boolean run(List<String> command) {
    return com.cityops.app.platform.Commands.output(command).isPresent();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
