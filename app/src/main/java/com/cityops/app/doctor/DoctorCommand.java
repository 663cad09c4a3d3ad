package com.cityops.app.doctor;

import com.cityops.app.cache.AppDirectories;
import com.cityops.app.cli.ConnectionOptions;
import com.cityops.app.cli.SignInOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cityops doctor --server URL}: the headless check an IT person runs on a centre's PC. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks the path to the backend step by step, and the local data folder.",
      "Steps: DNS, TCP, TLS (certificate details), REST latency, clock skew, sign-in, snapshot,",
      "stream rate and lag.",
      "Exit code 0 when nothing failed (warnings allowed), 1 when a check failed, 2 on bad options."
    })
public final class DoctorCommand {
  @Option(
      names = "--server",
      required = true,
      description = "The backend, e.g. https://cityops.example.gov.cn")
  String server;

  @Mixin SignInOptions signIn = new SignInOptions();

  @Option(names = "--json", description = "Print the report as JSON (for monitoring).")
  boolean json;

  @Option(names = "--verbose", description = "Print every check's details.")
  boolean verbose;

  @Option(
      names = "--stream-seconds",
      description = "How long to listen to the stream. Default: ${DEFAULT-VALUE}")
  int streamSeconds = 6;

  @Option(names = "--data-dir", description = "The data folder to check. Default: ${DEFAULT-VALUE}")
  Path dataDir = AppDirectories.dataDir();

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  /** Runs the checks, prints the report and returns the exit code. */
  public int run(PrintStream out, PrintStream err) {
    Doctor.Target target;
    try {
      target =
          new Doctor.Target(
              server,
              signIn.user(),
              signIn.password(),
              connection.settings(),
              dataDir,
              Duration.ofSeconds(Math.max(1, streamSeconds)));
    } catch (IllegalArgumentException e) {
      err.println("doctor: " + e.getMessage());
      return 2;
    }
    DoctorReport report = new Doctor(target, Clock.systemUTC()).run();
    out.print(json ? report.toJson() + "\n" : report.toText(verbose));
    out.flush();
    return report.passed() ? 0 : 1;
  }
}
