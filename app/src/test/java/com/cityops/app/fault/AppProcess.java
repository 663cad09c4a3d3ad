package com.cityops.app.fault;

import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app in a process of its own, on headless Monocle (the test's classpath, {@code Main}, the GC
 * settings it ships with), watched through its status endpoint: for tests with more than one app —
 * a wall's controller and follower — or a client that must be killed like a crashed PC.
 */
public final class AppProcess implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("status endpoint on http://[^:]+:(\\d+)/");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final int statusPort;
  private final Path log;

  private AppProcess(Process process, int statusPort, Path log) {
    this.process = process;
    this.statusPort = statusPort;
    this.log = log;
  }

  /**
   * Starts {@code Main} with these arguments plus {@code --status-port 0}, writing its output to
   * {@code log}, and waits until its status endpoint answers.
   */
  public static AppProcess start(Path log, String... args) throws Exception {
    return onScreen("1920x1080", log, args);
  }

  /** As {@link #start}, on a (headless) monitor of {@code size} pixels, e.g. {@code 1280x720}. */
  public static AppProcess onScreen(String size, Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-XX:MaxGCPauseMillis=25",
            "-Dfile.encoding=UTF-8",
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw",
            "-Dprism.text=t2k",
            "-Dheadless.geometry=" + size + "-32"));
    String jfr = System.getProperty("app.jfr");
    if (jfr != null) { // profiling by hand: -Dapp.jfr=/tmp/prof.jfc
      command.add(
          "-XX:StartFlightRecording=filename=/tmp/"
              + log.getFileName()
              + ".jfr,settings="
              + jfr
              + ",dumponexit=true");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.cityops.app.Main"));
    command.addAll(List.of(args));
    command.addAll(List.of("--status-port", "0"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                  file.write(line);
                  file.newLine();
                  file.flush();
                  Matcher m = STATUS.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
                port.completeExceptionally(new IllegalStateException("the app exited; see " + log));
              } catch (java.io.IOException e) {
                port.completeExceptionally(e);
              }
            },
            "app-process-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new AppProcess(process, port.get(90, TimeUnit.SECONDS), log);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the app did not open its status endpoint; see " + log, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Has the JVM collect its garbage ({@code jcmd PID GC.run}), so heap figures compare. */
  public void collectGarbage() throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()),
                "GC.run")
            .redirectErrorStream(true)
            .start();
    jcmd.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd GC.run failed for the app " + process.pid());
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int statusPort() {
    return statusPort;
  }

  public Path log() {
    return log;
  }

  /** {@code GET /status}. */
  public JsonNode status() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/status"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.readTree(answer.body());
  }

  /**
   * Polls {@code /status} every 25 ms (a poll costs the app work: not more often) until {@code
   * condition} holds; answers that status.
   */
  public JsonNode awaitStatus(Predicate<JsonNode> condition, Duration within, String what)
      throws Exception {
    long until = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < until) {
      last = status();
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(25);
    }
    throw new AssertionError(what + " did not happen within " + within + "; last status " + last);
  }

  /** {@code POST path} with a JSON body and a bearer token: the status code and the body. */
  public HttpResponse<String> post(String path, String json, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Kills the app at once (SIGKILL: a crashed or unplugged PC) and waits for it to go. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
