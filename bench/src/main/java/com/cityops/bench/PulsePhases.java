package com.cityops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * JavaFX's own pulse phases from JFR ({@code javafx.PulsePhase}, threshold 0): "Painting" (render
 * thread), "Waiting for previous rendering", "CSS Pass", "Layout Pass", summed per pulse. Start it
 * before the toolkit: JavaFX registers its JFR pulse logger only if JFR is up when it starts.
 *
 * <p>One instance per JVM, used from the thread that measures.
 */
final class PulsePhases {
  private final Recording jfr = new Recording();

  /** Starts recording (call before {@code Platform.startup}). */
  static PulsePhases start() {
    PulsePhases p = new PulsePhases();
    p.jfr.enable("javafx.PulsePhase").withThreshold(Duration.ZERO);
    p.jfr.start();
    return p;
  }

  /**
   * Stops recording; per-pulse p50/p99 (ms) of each phase inside {@code [from, to]} as {@code
   * painting_p50}, {@code painting_p99}, {@code waiting_…}, {@code css_…}, {@code layout_…}.
   */
  Map<String, Object> stop(Instant from, Instant to) throws Exception {
    jfr.stop();
    Path dump = Files.createTempFile("cityops-bench-", ".jfr");
    try {
      jfr.dump(dump);
      jfr.close();
      return perPulse(dump, from, to);
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  /** Per-pulse sums of the JFR pulse phases of {@code dump} between {@code from} and {@code to}. */
  static Map<String, Object> perPulse(Path dump, Instant from, Instant to) throws Exception {
    Map<String, Map<Integer, Long>> byPhase = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(dump)) {
      if (!e.getEventType().getName().equals("javafx.PulsePhase")
          || e.getStartTime().isBefore(from)
          || e.getStartTime().isAfter(to)) {
        continue;
      }
      String phase = e.getString("phaseName");
      if (phase != null) {
        byPhase
            .computeIfAbsent(phase, k -> new HashMap<>())
            .merge(e.getInt("pulseId"), e.getDuration().toNanos(), Long::sum);
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("jfr_phases", new ArrayList<>(byPhase.keySet()));
    put(f, "painting", byPhase.get("Painting"));
    put(f, "waiting", byPhase.get("Waiting for previous rendering"));
    put(f, "css", byPhase.get("CSS Pass"));
    put(f, "layout", byPhase.get("Layout Pass"));
    return f;
  }

  private static void put(Map<String, Object> f, String name, Map<Integer, Long> perPulse) {
    long[] v =
        perPulse == null
            ? new long[0]
            : perPulse.values().stream().mapToLong(Long::longValue).sorted().toArray();
    f.put(name + "_p50", Stats.ms(Stats.pct(v, 0.5)));
    f.put(name + "_p99", Stats.ms(Stats.pct(v, 0.99)));
    f.put(name + "_pulses", v.length);
  }
}
