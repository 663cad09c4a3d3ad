package com.cityops.app.platform;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the app's own executors: named (so a stack dump, a profile and the log say whose work
 * it is) and daemons (an executor someone forgot to shut down does not keep the app alive).
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Every thread it makes is called {@code name}: for single-thread executors. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
