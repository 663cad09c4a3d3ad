package com.cityops.app.state;

import com.cityops.api.Device;
import com.cityops.api.Incident;
import com.cityops.api.IndicatorUpdate;
import com.cityops.api.StreamEnvelope;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a well-formed stream message for values no real backend sends — a case with a negative
 * version or from another century, a non-finite reading, a title the size of a book. Such a message
 * is refused (logged, counted, stepped over) rather than shown: an operator must not act on it and
 * the views must not have to cope with it.
 */
final class Plausibility {
  static final int MAX_TEXT = 2_000;
  static final int MAX_TIMELINE = 500;
  static final int MAX_DEPARTMENTS = 50;
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Duration AHEAD = Duration.ofDays(2);

  private Plausibility() {}

  /** Why the message cannot be believed, or null when it can. */
  static String problem(StreamEnvelope envelope) {
    if (envelope.ts() == null) {
      return "no timestamp";
    }
    Instant latest = envelope.ts().plus(AHEAD);
    return switch (envelope.type()) {
      case INCIDENT_UPSERT -> incident((Incident) envelope.payload(), latest);
      case INDICATOR_SAMPLE -> sample((IndicatorUpdate) envelope.payload(), latest);
      case DEVICE_STATUS -> device((Device) envelope.payload());
      case WALL_SCENE -> wallScene((com.cityops.api.WallScene) envelope.payload());
      default -> null;
    };
  }

  /** Why a case from a snapshot stamped {@code ts} cannot be believed, or null. */
  static String problem(Incident incident, Instant ts) {
    return incident(incident, (ts == null ? Instant.now() : ts).plus(AHEAD));
  }

  private static String wallScene(com.cityops.api.WallScene scene) {
    if (scene.wall() == null || !scene.wall().matches(com.cityops.api.WallScene.ID_PATTERN)) {
      return "wall scene without a usable wall id";
    }
    if (scene.mode() == null) {
      return "wall scene of " + scene.wall() + " without a mode";
    }
    for (com.cityops.api.WallPanelView view : scene.maps()) {
      if (view.panel() == null
          || !Double.isFinite(view.lon() + view.lat() + view.zoom())
          || Math.abs(view.lat()) > 85.06
          || view.zoom() < 0
          || view.zoom() > 22) {
        return "wall scene of " + scene.wall() + " with an impossible map view " + view;
      }
    }
    return null;
  }

  private static String incident(Incident i, Instant latest) {
    if (i.id() == null || i.id().isBlank() || i.id().length() > 100) {
      return "case without a usable id";
    }
    if (i.version() < 0) {
      return "case " + i.id() + " has negative version " + i.version();
    }
    if (i.status() == null || i.level() == null || i.location() == null) {
      return "case " + i.id() + " lacks status, level or location";
    }
    if (!within(i.reportedAt(), latest)) {
      return "case " + i.id() + " reported at an impossible time " + i.reportedAt();
    }
    if (length(i.title()) > MAX_TEXT
        || length(i.description()) > 10 * MAX_TEXT
        || length(i.location().address()) > MAX_TEXT) {
      return "case " + i.id() + " has text beyond " + MAX_TEXT + " characters";
    }
    if (i.timeline().size() > MAX_TIMELINE || i.departments().size() > MAX_DEPARTMENTS) {
      return "case "
          + i.id()
          + " has "
          + i.timeline().size()
          + " timeline steps and "
          + i.departments().size()
          + " departments";
    }
    return null;
  }

  private static String sample(IndicatorUpdate u, Instant latest) {
    if (!Double.isFinite(u.value())) {
      return "indicator " + u.id() + " sample is not a finite number: " + u.value();
    }
    if (!within(u.ts(), latest)) {
      return "indicator " + u.id() + " sample at an impossible time " + u.ts();
    }
    return u.state() == null ? "indicator " + u.id() + " sample without a state" : null;
  }

  private static String device(Device d) {
    if (d.id() == null || d.status() == null || d.type() == null || d.location() == null) {
      return "device message without id, type, status or location";
    }
    if (d.lastReading() != null && !Double.isFinite(d.lastReading().value())) {
      return "device " + d.id() + " reading is not a finite number";
    }
    return null;
  }

  private static boolean within(Instant t, Instant latest) {
    return t != null && !t.isBefore(EARLIEST) && !t.isAfter(latest);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
