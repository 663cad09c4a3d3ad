package com.cityops.app.state;

import com.cityops.api.Alert;
import com.cityops.api.Device;
import com.cityops.api.Incident;
import com.cityops.api.Indicator;
import com.cityops.api.IndicatorUpdate;
import com.cityops.api.LayerInfo;
import com.cityops.api.OperatingMode;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.app.feed.FeedStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one store of what the client knows about the city: incidents, indicators, devices, layers,
 * the stream seq it is valid at, and the feed's status. Updated off the FX thread by the feed; read
 * by the FX bridge, which is told after every change and reads a consistent {@link CitySummary}.
 * Idempotent: an incident version not newer than the one held is ignored.
 *
 * <p>Thread-safe (one lock; writes are short).
 */
public final class CityState {
  private final Object lock = new Object();
  private final Map<String, Incident> incidents = new HashMap<>();
  private final Map<String, Indicator> indicators = new HashMap<>();
  private final Map<String, Device> devices = new HashMap<>();
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
      snapshot.incidents().forEach(i -> incidents.put(i.id(), i));
      indicators.clear();
      snapshot.indicators().forEach(i -> indicators.put(i.id(), i));
      devices.clear();
      snapshot.devices().forEach(d -> devices.put(d.id(), d));
      layers = snapshot.layers();
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
    synchronized (lock) {
      switch (envelope.type()) {
        case INCIDENT_UPSERT -> {
          Incident incoming = (Incident) envelope.payload();
          Incident held = incidents.get(incoming.id());
          if (held == null || incoming.version() > held.version()) {
            incidents.put(incoming.id(), incoming);
          }
        }
        case INDICATOR_SAMPLE -> applySample((IndicatorUpdate) envelope.payload());
        case DEVICE_STATUS -> {
          Device device = (Device) envelope.payload();
          devices.put(device.id(), device);
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
        case HEARTBEAT, CANARY -> {}
      }
      if (envelope.type() != com.cityops.api.StreamEventType.HEARTBEAT) {
        seq = envelope.seq();
        eventsApplied++;
      }
      dataTime = envelope.ts();
      changes++;
    }
    fire();
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
      return List.copyOf(incidents.values());
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
          List.copyOf(incidents.values()),
          List.copyOf(indicators.values()),
          List.copyOf(devices.values()),
          layers);
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

  /** Messages that could not be read, and messages of unknown types, since start. */
  public long[] inputProblems() {
    synchronized (lock) {
      return new long[] {badMessages, unknownMessages};
    }
  }

  /** How many stream events have been applied since start (for the events/s metric). */
  public long eventsApplied() {
    synchronized (lock) {
      return eventsApplied;
    }
  }

  /** Grows with every change; lets a saver skip unchanged state. */
  public long changeCount() {
    synchronized (lock) {
      return changes;
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
          incidents.values(),
          indicators.values(),
          devices.values(),
          recentAlerts);
    }
  }

  private void fire() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
