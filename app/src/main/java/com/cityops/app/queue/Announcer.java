package com.cityops.app.queue;

import com.cityops.api.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the major cases (Ⅰ, Ⅱ) that wait for an operator's acknowledgement and sounds their tone:
 * at once when one arrives, then again every {@link AnnounceSettings#repeatEvery()} until every one
 * is acknowledged. The most severe waiting case decides the tone; muting silences without
 * forgetting (unmuting resumes the repeats).
 *
 * <p>Pure logic with an injected sink and the caller's clock ({@link #tick}); FX thread only.
 */
public final class Announcer {
  private final ToneSink sink;
  private final Map<String, Incident> waiting = new LinkedHashMap<>();
  private AnnounceSettings settings;
  private Instant nextTone;
  private final List<Runnable> listeners = new ArrayList<>();

  public Announcer(ToneSink sink, AnnounceSettings settings) {
    this.sink = sink;
    this.settings = settings;
  }

  /** A case reached grade Ⅰ or Ⅱ; it waits for acknowledgement (again, if it was raised). */
  public void announce(Incident incident, Instant now) {
    if (!AnnounceSettings.announces(incident.level())) {
      return;
    }
    waiting.remove(incident.id());
    waiting.put(incident.id(), incident);
    if (audible(incident)) {
      nextTone = now; // a new major case is heard at once, not at the next repeat
    }
    changed();
  }

  /** The operator saw this case. */
  public void acknowledge(String incidentId) {
    if (waiting.remove(incidentId) != null) {
      if (waiting.isEmpty()) {
        nextTone = null;
      }
      changed();
    }
  }

  public void acknowledgeAll() {
    if (!waiting.isEmpty()) {
      waiting.clear();
      nextTone = null;
      changed();
    }
  }

  /** Plays the tone when one is due; called every second by the queue's tick. */
  public void tick(Instant now) {
    if (nextTone == null || now.isBefore(nextTone)) {
      return;
    }
    Incident loudest = loudest();
    if (loudest == null) {
      nextTone = null;
      return;
    }
    nextTone = now.plus(settings.repeatEvery());
    if (!settings.muted()) {
      sink.play(settings.sound(loudest.level()).tone());
    }
  }

  /** The newest waiting case of the most severe grade, the one the banner shows; or null. */
  public Incident shown() {
    Incident best = null;
    for (Incident i : waiting.values()) {
      if (best == null || i.level().compareTo(best.level()) <= 0) {
        best = i;
      }
    }
    return best;
  }

  public int waitingCount() {
    return waiting.size();
  }

  public AnnounceSettings settings() {
    return settings;
  }

  public void setSettings(AnnounceSettings value, Instant now) {
    boolean unmuted = settings.muted() && !value.muted();
    settings = value;
    if (unmuted && !waiting.isEmpty()) {
      nextTone = now;
    }
    changed();
  }

  /** Called (FX thread) whenever what the banner shows may have changed. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** The most severe waiting case whose grade has its tone on. */
  private Incident loudest() {
    return waiting.values().stream()
        .filter(this::audible)
        .min(Comparator.comparing(Incident::level))
        .orElse(null);
  }

  private boolean audible(Incident incident) {
    return settings.sound(incident.level()).enabled();
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
