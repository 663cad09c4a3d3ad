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

  public static void exit() {
    Platform.exit();
  }
}
