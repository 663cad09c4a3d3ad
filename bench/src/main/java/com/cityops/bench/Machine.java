package com.cityops.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the machine is doing while we measure: CPU ticks from {@code /proc} (this process, the X
 * server, everything else), this JVM's CPU time, waiting for other processes to go quiet, and the
 * facts recorded beside every result (CPU model, cores, Java, JavaFX, pipeline). The machine is
 * shared (2 cores), so every figure carries how busy the rest of it was. Stateless.
 */
final class Machine {
  /** A run is noisy when other processes took more than this many cores on average. */
  static final double NOISY_CORES = 0.35;

  private Machine() {}

  /**
   * {busy ticks of the whole machine, ticks of this process, ticks of the X server and of our
   * parent} (USER_HZ = 100). The X server (Xvfb) presents our frames and the parent only waits:
   * neither is noise from other processes.
   */
  static long[] cpuTicks() {
    try {
      String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < all.length && i <= 8; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(all[i]);
        }
      }
      long mine = ticks(Path.of("/proc/self"));
      long ours = 0;
      long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path proc : (Iterable<Path>) procs::iterator) {
          String pid = proc.getFileName().toString();
          if (!pid.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String comm = Files.readString(proc.resolve("comm")).trim();
            if (comm.equals("Xvfb") || pid.equals(Long.toString(parent))) {
              ours += ticks(proc);
            }
          } catch (java.io.IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        }
      }
      return new long[] {busy, mine, ours};
    } catch (java.io.IOException | RuntimeException e) {
      return new long[] {0, 0, 0};
    }
  }

  /** Cores used between two {@link #cpuTicks()} readings: {self, X server + parent, others}. */
  static double[] cores(long[] from, long[] to, double seconds) {
    double self = (to[1] - from[1]) / 100.0 / seconds;
    double x = (to[2] - from[2]) / 100.0 / seconds;
    double all = (to[0] - from[0]) / 100.0 / seconds;
    return new double[] {self, x, Math.max(0, all - self - x)};
  }

  private static long ticks(Path proc) throws java.io.IOException {
    String stat = Files.readString(proc.resolve("stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  /** This JVM's CPU time so far (all threads: ours, the toolkit's, JIT, GC), in nanoseconds. */
  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Waits (up to {@code maxSeconds}) until other processes use under 0.25 cores for 2 s in a row;
   * returns the seconds waited.
   */
  static double waitForQuiet(int maxSeconds) throws InterruptedException {
    long t0 = System.nanoTime();
    int quiet = 0;
    while (quiet < 2 && (System.nanoTime() - t0) / 1e9 < maxSeconds) {
      long[] a = cpuTicks();
      Thread.sleep(1000);
      long[] b = cpuTicks();
      double others = ((b[0] - a[0]) - (b[1] - a[1]) - (b[2] - a[2])) / 100.0;
      quiet = others < 0.25 ? quiet + 1 : 0;
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static String loadavg() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** The Prism pipeline in use (e.g. {@code SWPipeline}), once the toolkit runs. */
  static String pipeline() {
    try {
      Class<?> c = Class.forName("com.sun.prism.GraphicsPipeline");
      Object p = c.getMethod("getPipeline").invoke(null);
      return p == null ? "?" : p.getClass().getSimpleName();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return "?";
    }
  }

  static String javafxVersion() {
    try {
      Class<?> c = Class.forName("com.sun.javafx.runtime.VersionInfo");
      return String.valueOf(c.getMethod("getRuntimeVersion").invoke(null));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return System.getProperty("javafx.runtime.version", "?");
    }
  }

  /** The facts recorded with every result. */
  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", cpuModel());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory_gib", memTotalGib());
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("javafx", javafxVersion());
    m.put("glass", System.getProperty("glass.platform", "default (GTK under X)"));
    m.put("prism", System.getProperty("prism.order", "default"));
    m.put("display", System.getenv().getOrDefault("DISPLAY", ""));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static double memTotalGib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0 * 10) / 10.0;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
