package com.cityops.map.basemap;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What went wrong with the basemap, said calmly: the first problem of a kind (a source's broken
 * tiles, a style property not drawn) is passed on at once, repeats of that kind at most once a
 * minute with how many there were — a tile server that answers 500 for every tile of a pan writes
 * one log line, not hundreds. Keeps counts for the map's quiet status line. Thread-safe.
 */
public final class BasemapProblems {
  static final Duration QUIET = Duration.ofMinutes(1);

  private final Consumer<String> out;
  private final Consumer<String> notes;
  private final LongSupplier nanoClock;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private long total;
  private String latest;

  /** One summary line per state change; what the map shows under its attribution. */
  public record Status(long problems, String latest) {
    public static final Status OK = new Status(0, null);

    public boolean ok() {
      return problems == 0;
    }
  }

  public BasemapProblems(Consumer<String> out, LongSupplier nanoClock) {
    this(out, out, nanoClock);
  }

  /** With repairs ({@link #note}) told to {@code notes} (a quieter log level) instead. */
  public BasemapProblems(Consumer<String> out, Consumer<String> notes, LongSupplier nanoClock) {
    this.out = out;
    this.notes = notes;
    this.nanoClock = nanoClock;
  }

  /** Reports {@code message}; {@code kind} groups repeats (e.g. "source osm: tiles"). */
  public void report(String kind, String message) {
    say(kind, message, true);
  }

  /**
   * Logs {@code message} like {@link #report} but does not count it as a problem: something the
   * engine repaired (a ring wound the wrong way) — worth a line for whoever makes the tiles, not a
   * note on the operator's map.
   */
  public void note(String kind, String message) {
    say(kind, message, false);
  }

  private void say(String kind, String message, boolean counts) {
    String line = null;
    synchronized (this) {
      if (counts) {
        total++;
        latest = message;
      }
      long now = nanoClock.getAsLong();
      Kind k = kinds.get(kind);
      if (k == null) {
        kinds.put(kind, new Kind(now));
        line = message;
      } else {
        k.suppressed++;
        if (now - k.lastSaid >= QUIET.toNanos()) {
          line = message + " (and " + (k.suppressed - 1) + " more like it in the last minute)";
          k.lastSaid = now;
          k.suppressed = 0;
        }
      }
    }
    if (line != null) {
      (counts ? out : notes).accept("basemap: " + line);
    }
  }

  public synchronized Status status() {
    return total == 0 ? Status.OK : new Status(total, latest);
  }

  private static final class Kind {
    long lastSaid;
    long suppressed;

    Kind(long said) {
      this.lastSaid = said;
    }
  }
}
