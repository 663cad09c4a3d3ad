package com.cityops.bench;

import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs each candidate of a workload in a JVM of its own, one after the other (never two at once on
 * 2 cores): {@code Bench WORKLOAD --child CANDIDATE ARGS…} with this JVM's options and class path.
 * Before each it waits for the machine to go quiet; when other processes still took more than
 * {@link Machine#NOISY_CORES} meanwhile it runs the candidate again and keeps the quieter run. The
 * child writes its figures as JSON (with {@code other_cpu_cores}) to {@code
 * OUT/WORKLOAD/CANDIDATE.json}.
 *
 * <p>Used from one thread.
 */
final class ChildRuns {
  private final String workload;
  private final Path dir;
  private final int quietWait;
  private final int retries;

  ChildRuns(String workload, Path out, int quietWait, int retries) {
    this.workload = workload;
    this.dir = out.resolve(workload);
    this.quietWait = quietWait;
    this.retries = retries;
  }

  /** Where a candidate's child writes its figures. */
  static Path file(Path out, String workload, String candidate) {
    return out.resolve(workload).resolve(candidate + ".json");
  }

  /** Runs one candidate; its figures, or null when it failed or ran out of time. */
  JsonNode run(String candidate, List<String> args, long budgetSeconds) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve(candidate + ".json");
    Path previous = dir.resolve(candidate + ".prev.json");
    Files.deleteIfExists(file);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Bench.class.getName());
    cmd.add(workload);
    cmd.add("--child");
    cmd.add(candidate);
    cmd.addAll(args);
    for (int attempt = 0; attempt <= retries; attempt++) {
      double waited = Machine.waitForQuiet(quietWait);
      System.out.printf(
          Locale.ROOT,
          "%n== %s %s (attempt %d, waited %.0f s for a quiet machine) ==%n",
          workload,
          candidate,
          attempt + 1,
          waited);
      if (Files.exists(file)) {
        Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
      }
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      if (!p.waitFor(budgetSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        System.out.println("  (did not finish in " + budgetSeconds + " s: no figures)");
      }
      if (Files.exists(previous) && (!Files.exists(file) || others(previous) <= others(file))) {
        Files.move(previous, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(previous);
      if (Files.exists(file) && others(file) <= Machine.NOISY_CORES) {
        break;
      }
    }
    return Files.exists(file) ? Json.readTree(Files.readString(file)) : null;
  }

  private static double others(Path file) throws java.io.IOException {
    return Json.readTree(Files.readString(file)).path("other_cpu_cores").asDouble(9);
  }
}
