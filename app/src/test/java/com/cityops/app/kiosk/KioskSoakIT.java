package com.cityops.app.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.WallLayoutFiles;
import com.cityops.app.fault.AppProcess;
import com.cityops.app.fault.SimProcess;
import com.cityops.app.fault.Trend;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiosk soak: a wall in kiosk mode, in a process of its own, against the reference backend running
 * its city 60× faster than real time; everything judged from the wall's status endpoint, as a
 * centre watches its walls. Every {@link #EVERY} s after a warm-up: heap after a collection (jcmd
 * GC.run), the FX watchdog's stalls and longest wait, the feed. CI runs the short version (60 s);
 * {@code -Dsoak.seconds=1800} is the 30-minute soak (30 simulated hours).
 */
class KioskSoakIT {
  static final int SECONDS = Integer.getInteger("soak.seconds", 60);
  static final int EVERY = 10;

  /**
   * At 60× city time a level Ⅰ/Ⅱ case comes every few seconds, and each one moves the focus panel
   * and flies the maps. With the wall's maps drawing their live layers at most twice a second the
   * 30-minute soak had none of its own (2026-12-06; before, at 10 a second: 2 and 3); the 60-s CI
   * run once had 2 at 10 a second. The target is zero; the budget keeps a short run on a busy CI
   * box from failing on one, and fails a wall that stalls regularly.
   */
  static final int STALLS_PER_5_MINUTES = 1;

  @TempDir Path dir;
  private SimProcess sim;
  private AppProcess wall;

  record Sample(
      int at,
      double heapMib,
      double basemapCacheMib,
      long stallsBeforeGc,
      long stalls,
      double longestWaitMs,
      double pulseMaxMs,
      String feed,
      String mode,
      long events,
      int incidents) {
    double ownMib() {
      return heapMib - basemapCacheMib;
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (wall != null) {
      wall.close();
      // the wall's log outlives the temporary folder: its stall reports say where the FX thread was
      Path log = dir.resolve("wall.log");
      if (Files.exists(log)) {
        Files.createDirectories(Path.of("target/figures"));
        Files.copy(
            log,
            Path.of("target/figures/kiosk-soak-wall.log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void aKioskWallHoldsSteadyForThirtySimulatedHours() throws Exception {
    sim =
        SimProcess.startYieldingCpu(
            "--port", "0", "--speed", "60", "--data-dir", dir.resolve("sim").toString());
    Path pin = Files.writeString(dir.resolve("pin"), "8642");
    wall =
        AppProcess.start(
            dir.resolve("wall.log"),
            "--server",
            "http://127.0.0.1:" + sim.port(),
            "--user",
            "wall",
            "--password",
            "wall",
            "--data-dir",
            dir.resolve("wall").toString(),
            "--wall",
            WallLayoutFiles.example("two-screens.json").toString(),
            "--kiosk",
            "--kiosk-pin-file",
            pin.toString());
    wall.awaitStatus(
        s -> "LIVE".equals(s.path("feedState").asText()) && s.at("/wall/steady").asBoolean(),
        Duration.ofSeconds(120),
        "the wall live and steady");
    Thread.sleep(20_000); // warm-up: caches and JIT settle

    List<Sample> samples = new ArrayList<>();
    Instant began = Instant.now();
    for (int t = 0; t <= SECONDS; t += EVERY) {
      // The forced full collection stops every thread, the FX thread too: stalls while it runs
      // are the test's doing and are counted apart from the wall's own.
      long stallsBeforeGc = wall.status().path("fxStalls").asLong();
      wall.collectGarbage();
      Thread.sleep(300);
      JsonNode s = wall.status();
      samples.add(
          new Sample(
              t,
              s.path("heapUsedBytes").asLong() / 1048576.0,
              s.path("basemapCacheBytes").asLong() / 1048576.0,
              stallsBeforeGc,
              s.path("fxStalls").asLong(),
              s.path("fxLongestWaitMs").asDouble(),
              s.path("fxPulseMaxMs").asDouble(),
              s.path("feedState").asText(),
              s.at("/wall/mode").asText(),
              s.path("eventsApplied").asLong(),
              s.path("incidents").asInt()));
      assertThat(wall.isAlive()).as("the wall at %d s", t).isTrue();
      long next = began.plusSeconds(t + EVERY).toEpochMilli() - System.currentTimeMillis();
      if (t + EVERY <= SECONDS && next > 0) {
        Thread.sleep(next);
      }
    }
    StringBuilder report = new StringBuilder();
    for (Sample s : samples) {
      report.append(
          String.format(
              Locale.ROOT,
              "KIOSK SOAK t=%5ds heap %6.1f MiB (basemap cache %5.1f)  fx stalls %3d  longest fx wait %6.1f ms"
                  + "  worst pulse %6.1f ms  feed %s  mode %s  events %d  cases %d%n",
              s.at(),
              s.heapMib(),
              s.basemapCacheMib(),
              s.stalls(),
              s.longestWaitMs(),
              s.pulseMaxMs(),
              s.feed(),
              s.mode(),
              s.events(),
              s.incidents()));
    }
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    long ownStalls = 0;
    for (int i = 1; i < samples.size(); i++) {
      ownStalls += samples.get(i).stallsBeforeGc() - samples.get(i - 1).stalls();
    }
    long forcedGcStalls = last.stalls() - first.stalls() - ownStalls;
    int third = Math.max(1, samples.size() / 3);
    // The basemap's tile caches fill as flights visit new places, up to their budget: judged
    // apart, so that a leak shows as the rest of the heap growing.
    double early = Trend.median(samples.subList(0, third), Sample::ownMib);
    double late =
        Trend.median(samples.subList(samples.size() - third, samples.size()), Sample::ownMib);
    report.append(
        String.format(
            Locale.ROOT,
            "KIOSK SOAK summary: %d s at 60× city time; heap after GC besides the basemap cache"
                + " median %.1f → %.1f MiB, trend %.2f MiB/min (whole heap %.2f MiB/min; cache"
                + " %.1f MiB at the end, budget %d MiB); FX stalls over 100 ms during the soak %d, during the"
                + " test's forced full collections %d (longest FX wait since start %.1f ms);"
                + " events %d; feed %s at the end%n",
            SECONDS,
            early,
            late,
            Trend.perMinute(samples, Sample::at, Sample::ownMib),
            Trend.perMinute(samples, Sample::at, Sample::heapMib),
            last.basemapCacheMib(),
            com.cityops.map.basemap.Basemap.cacheBudgetBytes() >> 20,
            ownStalls,
            forcedGcStalls,
            last.longestWaitMs(),
            last.events() - first.events(),
            last.feed()));
    System.out.print(report);
    Path out = Path.of("target/figures/kiosk-soak.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

    assertThat(samples).allSatisfy(s -> assertThat(s.feed()).isEqualTo("LIVE"));
    assertThat(last.events()).isGreaterThan(first.events());
    assertThat(samples)
        .allSatisfy(
            s ->
                assertThat(s.basemapCacheMib())
                    .isLessThanOrEqualTo(
                        com.cityops.map.basemap.Basemap.cacheBudgetBytes() / 1048576.0));
    assertThat(late)
        .as("heap after GC besides the basemap cache, late vs early (MiB)")
        .isLessThanOrEqualTo(early * 1.2 + 16);
    assertThat(ownStalls)
        .as("FX stalls over 100 ms during the soak (budget: one per 5 minutes)")
        .isLessThanOrEqualTo(STALLS_PER_5_MINUTES * ((SECONDS + 299) / 300));
  }
}
