package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.shell.Workbench;
import java.nio.file.Path;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The incident queue (在办事件) of a workstation: wires the worker that computes it, the model and
 * table that show it, the one-second tick for the clocks, the banner and tones for major cases, and
 * the workbench's selection and drill-down scope. {@link #panel()} goes into the shell's right
 * column, {@link #banner()} under its top bar.
 *
 * <p>FX thread only (construct and use it there); its threads are daemons and are stopped by {@link
 * #close()}, which also runs when the panel leaves its window.
 */
public final class IncidentQueue implements AutoCloseable {
  /** How often the worker recounts even without news, as clocks run out in silence too. */
  private static final int RECOUNT_EVERY_TICKS = 5;

  private final Workbench workbench;
  private final CaseClocks clocks;
  private final IncidentQueueModel model = new IncidentQueueModel();
  private final QueueWorker worker;
  private final Announcer announcer;
  private final ToneSink sink;
  private final AnnounceSettingsStore settingsStore;
  private final IncidentQueueView view;
  private final AnnounceBanner banner;
  private final Timeline tick;
  private QueueFilter filter = QueueFilter.NONE;
  private QueueOrder order = QueueOrder.DEFAULT;
  private Node panel;
  private int ticks;
  private boolean closed;

  /**
   * @param settingsFolder the per-user data folder for the announcement settings, or null to keep
   *     them for this session only
   */
  public IncidentQueue(Workbench workbench, Path settingsFolder) {
    this(workbench, settingsFolder, CaseClocks.defaults(), new JavaSoundSink());
  }

  /** With the clock limits and the sound sink given (tests pass a recording sink). */
  public IncidentQueue(Workbench workbench, Path settingsFolder, CaseClocks clocks, ToneSink sink) {
    this.workbench = workbench;
    this.clocks = clocks;
    this.sink = sink;
    this.settingsStore = new AnnounceSettingsStore(settingsFolder);
    this.announcer = new Announcer(sink, AnnounceSettings.DEFAULT);
    var bridge = new FxBridge<QueueResult>(workbench.fxDoor(), this::latest, this::show);
    this.worker = new QueueWorker(workbench.state(), workbench.clock(), clocks, bridge::changed);
    this.view = new IncidentQueueView(this, workbench.messages(), clocks);
    this.banner = new AnnounceBanner(this, workbench.messages());
    workbench.onStateChange(worker::stateChanged);
    workbench.scopeProperty().addListener((obs, was, now) -> setFilter(filter.withScope(now)));
    filter = filter.withScope(workbench.scopeProperty().get());
    workbench
        .selectedIncidentIdProperty()
        .addListener((obs, was, now) -> view.restore(now, null, true));
    settingsStore.load(
        loaded ->
            workbench
                .fxDoor()
                .execute(() -> announcer.setSettings(loaded, workbench.clock().instant())));
    tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    tick.setCycleCount(Timeline.INDEFINITE);
    tick.play();
    worker.setCriteria(filter, order);
  }

  /** The panel for the shell's right column. */
  public Node panel() {
    if (panel == null) {
      panel = view.build();
      panel
          .sceneProperty()
          .addListener(
              (obs, was, now) -> {
                if (was != null && now == null) {
                  close();
                }
              });
    }
    return panel;
  }

  /** The major-case banner, for the shell's top area (hidden while nothing waits). */
  public Node banner() {
    return banner.node();
  }

  /** What the queue shows (its rows, counts and last result), for the shell and benchmarks. */
  public IncidentQueueModel model() {
    return model;
  }

  Announcer announcer() {
    return announcer;
  }

  QueueFilter filter() {
    return filter;
  }

  /** Shows the queue filtered and sorted so, as the operator's controls would. */
  public void show(QueueFilter newFilter, QueueOrder newOrder) {
    if (!newFilter.equals(filter) || !newOrder.equals(order)) {
      filter = newFilter;
      order = newOrder;
      worker.setCriteria(filter, order);
    }
  }

  void setFilter(QueueFilter value) {
    if (!value.equals(filter)) {
      filter = value;
      worker.setCriteria(filter, order);
    }
  }

  void setOrder(QueueOrder value) {
    if (!value.equals(order)) {
      order = value;
      worker.setCriteria(filter, order);
    }
  }

  /** The operator picked a case in the queue (or the banner). */
  void select(String incidentId) {
    workbench.selectedIncidentIdProperty().set(incidentId);
  }

  /** Saves changed announcement settings (off the FX thread) and applies them. */
  void changeSettings(AnnounceSettings value) {
    announcer.setSettings(value, workbench.clock().instant());
    settingsStore.save(value);
  }

  private QueueResult latest() {
    return worker.latest();
  }

  private void show(QueueResult result) {
    if (closed || result == null) {
      return;
    }
    String top = view.topVisibleId();
    Instant local = workbench.clock().instant();
    model.apply(result, local);
    view.restore(workbench.selectedIncidentIdProperty().get(), top, false);
    for (Incident major : result.announce()) {
      announcer.announce(major, local);
    }
    announcer.tick(local);
  }

  private void tick() {
    Instant local = workbench.clock().instant();
    model.tick(local);
    announcer.tick(local);
    if (++ticks % RECOUNT_EVERY_TICKS == 0) {
      worker.stateChanged();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    tick.stop();
    worker.close();
    settingsStore.close();
    sink.close();
  }
}
