package com.cityops.app.fault;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reference backend in a process of its own (the test's classpath, {@code SimMain}), so that
 * what a test measures of the client — heap, GC pauses, FX-thread stalls — is the client's alone.
 */
public final class SimProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private SimProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code SimMain} with these arguments ({@code --port 0} picks a free port) and waits
   * until it listens.
   */
  public static SimProcess start(String... args) throws Exception {
    return start(List.of(), args);
  }

  /**
   * As {@link #start}, at the lowest CPU priority ({@code nice -n 19}, where there is one): a
   * centre's backend runs on machines of its own, not on the wall PC, so a test that judges the
   * client's timing over minutes lets the backend have only the CPU the client leaves — here both
   * share two cores.
   */
  public static SimProcess startYieldingCpu(String... args) throws Exception {
    Path nice = Path.of("/usr/bin/nice");
    return start(
        java.nio.file.Files.isExecutable(nice) ? List.of(nice.toString(), "-n", "19") : List.of(),
        args);
  }

  private static SimProcess start(List<String> prefix, String... args) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.cityops.sim.SimMain");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("listening on ")) {
                    port.complete(Integer.parseInt(line.substring(13).trim()));
                  }
                }
                port.completeExceptionally(new IllegalStateException("the backend exited"));
              } catch (java.io.IOException e) {
                port.completeExceptionally(e);
              }
            },
            "sim-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new SimProcess(process, port.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** Kills the backend at once (SIGKILL: no goodbye to the clients) and waits for it to go. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
