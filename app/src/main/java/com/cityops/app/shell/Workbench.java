package com.cityops.app.shell;

import com.cityops.app.feed.BackendClient;
import com.cityops.app.i18n.Messages;
import com.cityops.app.outbox.ActionOutbox;
import com.cityops.app.state.CityState;
import com.cityops.app.state.SignedInUser;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the panels of one workstation window share: the signed-in user, the selected case, the area
 * in scope, the map, and the doors to the data. Panels read the city through their own {@code
 * FxBridge} over {@link #state()} (the bridge's executor is {@link #fxDoor()}), never by polling,
 * and act only through {@link #outbox()}.
 *
 * <p>Properties: FX thread only.
 */
public final class Workbench {
  private final Messages messages;
  private final CityState state;
  private final Executor fxDoor;
  private final Clock clock;
  private final MapFocus map;
  private final Supplier<ActionOutbox> outbox;
  private final Supplier<BackendClient> backend;
  private final Path dataDir;
  private final ObjectProperty<SignedInUser> user = new SimpleObjectProperty<>();
  private final StringProperty selectedIncidentId = new SimpleStringProperty();
  private final ObjectProperty<AreaScope> scope = new SimpleObjectProperty<>(AreaScope.CITY);
  private final List<Runnable> stateListeners = new CopyOnWriteArrayList<>();
  private volatile boolean disposed;

  /**
   * @param fxDoor the app's pulse executor: the one way onto the FX thread
   * @param outbox the action outbox once connected, else null
   * @param backend the backend client once connected (for REST reads such as history), else null
   */
  public Workbench(
      Messages messages,
      CityState state,
      Executor fxDoor,
      Clock clock,
      MapFocus map,
      Supplier<ActionOutbox> outbox,
      Supplier<BackendClient> backend) {
    this(messages, state, fxDoor, clock, map, outbox, backend, scratchFolder());
  }

  /**
   * @param dataDir the per-user data folder, where panels keep the operator's choices (e.g. pinned
   *     indicators, SOP ticks, the reveal audit)
   */
  public Workbench(
      Messages messages,
      CityState state,
      Executor fxDoor,
      Clock clock,
      MapFocus map,
      Supplier<ActionOutbox> outbox,
      Supplier<BackendClient> backend,
      Path dataDir) {
    this.dataDir = dataDir;
    this.messages = messages;
    this.state = state;
    this.fxDoor = fxDoor;
    this.clock = clock;
    this.map = map;
    this.outbox = outbox;
    this.backend = backend;
    state.onChange(this::stateChanged);
  }

  /**
   * Registers a callback run (on the writer's thread) after each change of the city state; it must
   * only schedule work, typically {@code FxBridge::changed}. Dropped by {@link #dispose()}, so a
   * rebuilt window (e.g. after a language switch) leaves no listeners behind.
   */
  public void onStateChange(Runnable listener) {
    if (!disposed) {
      stateListeners.add(listener);
    }
  }

  /** Forgets the panels' listeners; the window that used this workbench is gone. */
  public void dispose() {
    disposed = true;
    stateListeners.clear();
  }

  private void stateChanged() {
    for (Runnable listener : stateListeners) {
      listener.run();
    }
  }

  public Messages messages() {
    return messages;
  }

  public CityState state() {
    return state;
  }

  public Executor fxDoor() {
    return fxDoor;
  }

  public Clock clock() {
    return clock;
  }

  public MapFocus map() {
    return map;
  }

  /** The outbox, or null before the app connected. */
  public ActionOutbox outbox() {
    return outbox.get();
  }

  /** The backend client, or null before the app connected (and in replay). */
  public BackendClient backend() {
    return backend.get();
  }

  /** A throwaway folder for benches and tests that name no user's data folder. */
  private static Path scratchFolder() {
    try {
      return java.nio.file.Files.createTempDirectory("cityops-workbench-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create a scratch data folder", e);
    }
  }

  /** The per-user data folder. */
  public Path dataDir() {
    return dataDir;
  }

  /** The signed-in user; null until the backend accepted the sign-in. */
  public ObjectProperty<SignedInUser> userProperty() {
    return user;
  }

  /** The id of the case the operator is working on, or null. */
  public StringProperty selectedIncidentIdProperty() {
    return selectedIncidentId;
  }

  /** The area in view (drill-down); {@link AreaScope#CITY} for everything. */
  public ObjectProperty<AreaScope> scopeProperty() {
    return scope;
  }
}
