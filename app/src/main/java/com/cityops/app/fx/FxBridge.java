package com.cityops.app.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one door from background threads onto the FX thread for data. Any number of change
 * notifications between two runs of the FX executor collapse into one: the FX thread then reads the
 * latest value once and hands it to the views, so a burst of thousands of events costs it one
 * update, not thousands.
 *
 * <p>Thread-safe: {@link #changed()} may be called from any thread and never blocks. The FX
 * executor is injected: {@code Platform::runLater} in the app, {@code Runnable::run} in tests.
 */
public final class FxBridge<T> {
  private final Executor fxExecutor;
  private final Supplier<T> latest;
  private final Consumer<T> apply;
  private final AtomicBoolean pending = new AtomicBoolean();

  public FxBridge(Executor fxExecutor, Supplier<T> latest, Consumer<T> apply) {
    this.fxExecutor = fxExecutor;
    this.latest = latest;
    this.apply = apply;
  }

  /** Something changed; the views will see the latest value on the FX thread soon. */
  public void changed() {
    if (pending.compareAndSet(false, true)) {
      fxExecutor.execute(this::drain);
    }
  }

  private void drain() {
    // Clear first: a change that lands while we read schedules one more run, so none is missed.
    pending.set(false);
    apply.accept(latest.get());
  }
}
