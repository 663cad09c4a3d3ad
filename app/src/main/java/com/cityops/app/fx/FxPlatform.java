package com.cityops.app.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** The only place that talks to {@link Platform}: start-up, the FX executor, exit. */
public final class FxPlatform {
  private FxPlatform() {}

  /** Starts the toolkit and runs {@code onFxThread} on it (call once, from main). */
  public static void start(Runnable onFxThread) {
    Platform.setImplicitExit(true);
    Platform.startup(onFxThread);
  }

  public static Executor executor() {
    return Platform::runLater;
  }

  /**
   * An executor that runs its tasks at the start of the next pulse, together (the data door: at
   * most one view update per frame); their time is added to {@code stats}' current pulse.
   */
  public static Executor pulseExecutor(PulseStats stats) {
    return new PulseExecutor(stats);
  }

  public static void exit() {
    Platform.exit();
  }
}
