package com.cityops.app.state;

import com.cityops.api.Alert;
import com.cityops.api.Device;
import com.cityops.api.DeviceStatus;
import com.cityops.api.Incident;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorUpdate;
import com.cityops.api.LayerInfo;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.api.StatusTransition;
import com.cityops.api.StreamEnvelope;
import com.cityops.app.feed.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one store of what the client knows about the city: incidents, indicators, devices, layers,
 * the stream seq it is valid at, and the feed's status. Updated off the FX thread by the feed; read
 * by the FX bridge, which is told after every change and reads a consistent {@link CitySummary}.
 * Idempotent: an incident version not newer than the one held is ignored. Incidents are indexed for
 * the views' queries ({@link #query}); closed cases are let go {@code closedRetention} after they
 * closed (by the data's clock), as the backend does, so a client that runs for weeks does not grow.
 * Messages with impossible values are refused and counted, never shown.
 *
 * <p>Thread-safe (one lock; writes are short).
 */
public final class CityState {
  /** The backend keeps closed cases this long; the client follows suit. */
  public static final Duration CLOSED_RETENTION = Duration.ofHours(6);

  private static final Logger LOG = LoggerFactory.getLogger(CityState.class);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Object lock = new Object();
  private final Duration closedRetention;
  private final IncidentIndex incidents = new IncidentIndex();
  private final Map<String, Indicator> indicators = new HashMap<>();
  private final Map<String, Device> devices = new HashMap<>();
  private final Map<String, com.cityops.api.WallScene> wallScenes = new HashMap<>();
  private final List<Alert> recentAlerts = new ArrayList<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private List<LayerInfo> layers = List.of();
  private OperatingMode mode = OperatingMode.NORMAL;
  private long seq = -1;
  private Instant dataTime;
  private Instant lastHeardAt;
  private Instant cachedAt;
  private String canaryAlarm;
  private Instant canarySeenAt;
  private FeedStatus feedStatus = FeedStatus.connecting("");
  private long changes;
  private long eventsApplied;
  private long badMessages;
  private long unknownMessages;
  private long refusedMessages;
  private long incidentChanges;
  private Instant lastSweep;
  private int devicesOffline;
  private int devicesFault;
  private int devicesInAlarm;

  private SignedInUser user;

  public CityState() {
    this(CLOSED_RETENTION);
  }

  public CityState(Duration closedRetention) {
    this.closedRetention = closedRetention;
  }

  /**
   * Registers a callback run (on the writer's thread) after each change; it must only schedule
   * work.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Replaces everything with a snapshot (first load or full resync). */
  public void replaceAll(Snapshot snapshot) {
    load(snapshot, null);
  }

  /**
   * Shows a state saved earlier (the offline cache) until the backend answers; the views mark it
   * stale with the age of {@code savedAt}.
   */
  public void loadCached(Snapshot snapshot, Instant savedAt) {
    load(snapshot, savedAt);
  }

  private void load(Snapshot snapshot, Instant savedAt) {
    synchronized (lock) {
      cachedAt = savedAt;
      incidents.clear();
      for (Incident incident : snapshot.incidents()) {
        String problem = Plausibility.problem(incident, snapshot.ts());
        if (problem == null) {
          incidents.put(incident);
        } else {
          refusedMessages++;
          LOG.warn("left out of the snapshot at seq {}: {}", snapshot.seq(), problem);
        }
      }
      incidentChanges++;
      indicators.clear();
      snapshot.indicators().forEach(i -> indicators.put(i.id(), i));
      devices.clear();
      devicesOffline = 0;
      devicesFault = 0;
      devicesInAlarm = 0;
      snapshot.devices().forEach(this::putDevice);
      layers = snapshot.layers();
      wallScenes.clear();
      snapshot.walls().forEach(w -> wallScenes.put(w.wall(), w));
      mode = snapshot.mode();
      seq = snapshot.seq();
      dataTime = snapshot.ts();
      changes++;
    }
    fire();
  }

  /**
   * Applies one stream message whose seq directly follows the held one. The caller (the feed)
   * checks the sequence; this method applies idempotently by id and version.
   */
  public void apply(StreamEnvelope envelope) {
    String problem = Plausibility.problem(envelope);
    if (problem != null) {
      refuse(envelope.seq(), problem);
      return;
    }
    synchronized (lock) {
      switch (envelope.type()) {
        case INCIDENT_UPSERT -> {
          Incident incoming = (Incident) envelope.payload();
          Incident held = incidents.get(incoming.id());
          if (held == null || incoming.version() > held.version()) {
            incidents.put(incoming);
            incidentChanges++;
          }
        }
        case INDICATOR_SAMPLE -> applySample((IndicatorUpdate) envelope.payload());
        case DEVICE_STATUS -> {
          putDevice((Device) envelope.payload());
        }
        case ALERT_RAISED -> {
          Alert alert = (Alert) envelope.payload();
          recentAlerts.add(alert);
          if (recentAlerts.size() > 50) {
            recentAlerts.remove(0);
          }
          if (alert.suggestedMode() != null) {
            mode = alert.suggestedMode();
          }
        }
        case WALL_SCENE -> {
          com.cityops.api.WallScene scene = (com.cityops.api.WallScene) envelope.payload();
          wallScenes.put(scene.wall(), scene);
        }
        case HEARTBEAT, CANARY -> {}
      }
      if (envelope.type() != com.cityops.api.StreamEventType.HEARTBEAT) {
        seq = envelope.seq();
        eventsApplied++;
      }
      dataTime = envelope.ts();
      sweepClosed();
      changes++;
    }
    fire();
  }

  /**
   * Steps over the message at {@code messageSeq} without applying it (impossible values, too
   * large): logged and counted; the next message follows without a gap and nothing held changes.
   */
  public void refuse(long messageSeq, String why) {
    LOG.warn("refused stream message seq {}: {}", messageSeq, why);
    synchronized (lock) {
      if (messageSeq == seq + 1) {
        seq = messageSeq;
      }
      refusedMessages++;
      changes++;
    }
    fire();
  }

  private void putDevice(Device device) {
    Device old = devices.put(device.id(), device);
    if (old != null) {
      tally(old, -1);
    }
    tally(device, 1);
  }

  private void tally(Device device, int sign) {
    devicesOffline += device.status() == DeviceStatus.OFFLINE ? sign : 0;
    devicesFault += device.status() == DeviceStatus.FAULT ? sign : 0;
    devicesInAlarm += device.alarm() ? sign : 0;
  }

  /** Lets go of cases closed longer than the retention ago (checked once a data minute). */
  private void sweepClosed() {
    if (dataTime == null
        || (lastSweep != null
            && Duration.between(lastSweep, dataTime).compareTo(SWEEP_EVERY) < 0)) {
      return;
    }
    lastSweep = dataTime;
    Instant cutoff = dataTime.minus(closedRetention);
    List<String> expired = new ArrayList<>();
    for (String id : incidents.idsIn(IncidentStatus.CLOSED)) {
      Incident closed = incidents.get(id);
      List<StatusTransition> steps = closed.timeline();
      if (!steps.isEmpty() && steps.get(steps.size() - 1).at().isBefore(cutoff)) {
        expired.add(id);
      }
    }
    expired.forEach(incidents::remove);
    incidentChanges += expired.size();
  }

  private void applySample(IndicatorUpdate update) {
    Indicator held = indicators.get(update.id());
    if (held == null) {
      return;
    }
    indicators.put(
        update.id(),
        new Indicator(
            held.id(),
            held.name(),
            held.domain(),
            held.unit(),
            update.value(),
            update.ts(),
            held.threshold(),
            update.state(),
            held.districtCode(),
            held.history()));
  }

  /**
   * The backend was heard from at {@code at} (any message, heartbeats included): the data's age
   * counts from here.
   */
  public void heard(Instant at) {
    synchronized (lock) {
      lastHeardAt = at;
      changes++;
    }
    fire();
  }

  /** The end-to-end test signal arrived at {@code at}: the path works, any canary alarm clears. */
  public void canarySeen(Instant at) {
    synchronized (lock) {
      canarySeenAt = at;
      canaryAlarm = null;
      changes++;
    }
    fire();
  }

  /**
   * Raises (non-null reason) or clears (null) the local alarm for a missing end-to-end test signal.
   */
  public void setCanaryAlarm(String reason) {
    synchronized (lock) {
      if (java.util.Objects.equals(canaryAlarm, reason)) {
        return;
      }
      canaryAlarm = reason;
      changes++;
    }
    fire();
  }

  public void setFeedStatus(FeedStatus status) {
    synchronized (lock) {
      feedStatus = status;
      changes++;
    }
    fire();
  }

  /** The seq of the newest applied event, or -1 before the first snapshot. */
  public long seq() {
    synchronized (lock) {
      return seq;
    }
  }

  public FeedStatus feedStatus() {
    synchronized (lock) {
      return feedStatus;
    }
  }

  public List<Incident> incidents() {
    synchronized (lock) {
      return incidents.query(IncidentQuery.all());
    }
  }

  /**
   * The held incidents that match {@code query}, in no particular order. Served from indexes: the
   * cost follows the size of the answer, not of everything held.
   */
  public List<Incident> query(IncidentQuery query) {
    synchronized (lock) {
      return incidents.query(query);
    }
  }

  /** How many indicators are live, delayed and stale at {@code localNow}. */
  public Map<Freshness, Integer> indicatorFreshness(FreshnessPolicy policy, Instant localNow) {
    return summary().indicatorFreshness(policy, localNow);
  }

  /** Grows whenever an incident is added, changed or let go (lets the map skip redrawing). */
  public long incidentChanges() {
    synchronized (lock) {
      return incidentChanges;
    }
  }

  /** Every held device (a copy). */
  public List<Device> devices() {
    synchronized (lock) {
      return List.copyOf(devices.values());
    }
  }

  /** The held version of a case, or null. */
  public Incident incident(String id) {
    synchronized (lock) {
      return incidents.get(id);
    }
  }

  public List<LayerInfo> layers() {
    synchronized (lock) {
      return layers;
    }
  }

  /** Everything held, as a snapshot at the held seq (for the offline cache). */
  public Snapshot snapshot() {
    synchronized (lock) {
      return new Snapshot(
          seq,
          dataTime,
          mode,
          incidents.query(IncidentQuery.all()),
          List.copyOf(indicators.values()),
          List.copyOf(devices.values()),
          layers,
          List.copyOf(wallScenes.values()));
    }
  }

  /** The newest scene of this wall's controller, or null when none was heard of. */
  public com.cityops.api.WallScene wallScene(String wall) {
    synchronized (lock) {
      return wallScenes.get(wall);
    }
  }

  /**
   * Steps over a message of a type this client does not know (a newer server): it still takes its
   * seq, so the next event follows without a gap.
   */
  public void skipUnknown(long messageSeq) {
    synchronized (lock) {
      seq = messageSeq;
      unknownMessages++;
      changes++;
    }
    fire();
  }

  /** Counts a message that could not be read at all. */
  public void countBadMessage() {
    synchronized (lock) {
      badMessages++;
    }
  }

  /** Bad input since start. */
  public InputProblems inputProblems() {
    synchronized (lock) {
      return new InputProblems(badMessages, unknownMessages, refusedMessages);
    }
  }

  /** How many stream events have been applied since start (for the events/s metric). */
  public long eventsApplied() {
    synchronized (lock) {
      return eventsApplied;
    }
  }

  /** Records who the backend signed in (the feed calls this after each sign-in). */
  public void signedIn(SignedInUser who) {
    synchronized (lock) {
      user = who;
      changes++;
    }
    fire();
  }

  /** The signed-in user, or null before the first sign-in (or in replay). */
  public SignedInUser user() {
    synchronized (lock) {
      return user;
    }
  }

  /** Grows with every change; lets a saver skip unchanged state. */
  public long changeCount() {
    synchronized (lock) {
      return changes;
    }
  }

  /** Every held indicator and the feed's clock, cheaply (the indicator tiles read this). */
  public IndicatorReadings indicatorReadings() {
    synchronized (lock) {
      return new IndicatorReadings(
          changes, List.copyOf(indicators.values()), dataTime, lastHeardAt, cachedAt, feedStatus);
    }
  }

  /** A consistent summary for the views, computed under the lock. */
  public CitySummary summary() {
    synchronized (lock) {
      return CitySummary.of(
          changes,
          seq,
          dataTime,
          lastHeardAt,
          cachedAt,
          canaryAlarm,
          canarySeenAt,
          mode,
          feedStatus,
          incidents,
          indicators.values(),
          new CitySummary.DeviceCounts(
              devices.size(), devicesOffline, devicesFault, devicesInAlarm),
          recentAlerts,
          user);
    }
  }

  private void fire() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
