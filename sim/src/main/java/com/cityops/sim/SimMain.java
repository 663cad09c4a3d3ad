package com.cityops.sim;

import com.cityops.sim.http.TlsKeystore;
import com.cityops.sim.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar cityops-sim.jar [options]}: the reference backend as a standalone server. */
@Command(
    name = "cityops-sim",
    mixinStandardHelpOptions = true,
    versionProvider = SimMain.Version.class,
    description = {
      "CityOps reference backend: a real HTTP + WebSocket server speaking the CityOps contract,",
      "simulating Shanghai (16 real districts, generated streets and grids, devices, indicators, cases).",
      "Demo accounts: viewer, operator, supervisor, putuo (an operator for 普陀区) (password ="
          + " name unless --password is given)."
    })
public final class SimMain implements Callable<Integer> {
  @Option(
      names = "--port",
      description =
          "TCP port; 0 picks a free one (printed as 'listening on PORT'). Default: ${DEFAULT-VALUE}")
  int port = 8787;

  @Option(names = "--host", description = "Address to bind. Default: ${DEFAULT-VALUE}")
  String host = "127.0.0.1";

  @Option(
      names = "--seed",
      description = "Seed for a reproducible city and event sequence. Default: ${DEFAULT-VALUE}")
  long seed = SimConfig.defaults().seed();

  @Option(
      names = "--speed",
      description = "City clock speed: X times real time. Default: ${DEFAULT-VALUE}")
  double speed = 1;

  @Option(
      names = "--rate",
      description =
          "Extra events per second (device readings and indicator samples) for load tests. Default: ${DEFAULT-VALUE}")
  double rate = 0;

  @Option(names = "--scenario", description = "normal or rainstorm. Default: ${DEFAULT-VALUE}")
  String scenario = "normal";

  @Option(
      names = "--data-dir",
      description = "Keep the event journal here, so a restart resumes the same seq and state.")
  Path dataDir;

  @Option(
      names = "--start",
      description = "City time to start at (ISO-8601, e.g. 2026-11-22T08:00:00Z). Default: now.")
  Instant start;

  @Option(
      names = "--incidents-per-hour",
      description = "New cases per city hour at the daytime peak. Default: ${DEFAULT-VALUE}")
  double incidentsPerHour = SimConfig.defaults().incidentsPerHour();

  @Option(
      names = "--device-offline-rate",
      description = "Chance per device per day of going offline. Default: ${DEFAULT-VALUE}")
  double offlineRate = SimConfig.defaults().deviceOfflinePerDay();

  @Option(
      names = "--device-fault-rate",
      description = "Chance per device per day of a fault. Default: ${DEFAULT-VALUE}")
  double faultRate = SimConfig.defaults().deviceFaultPerDay();

  @Option(
      names = "--false-alarm-rate",
      description = "Chance per device per day of a false alarm. Default: ${DEFAULT-VALUE}")
  double falseAlarmRate = SimConfig.defaults().falseAlarmPerDay();

  @Option(
      names = "--password",
      description =
          "Set a demo account's password, e.g. --password supervisor=s3cret (repeatable).")
  Map<String, String> passwords = Map.of();

  @Option(
      names = "--tls-keystore",
      description = "Serve HTTPS/WSS with this PKCS#12 keystore (certificate + key).")
  Path tlsKeystore;

  @Option(
      names = "--tls-password",
      description = "The keystore's password; default: the SIM_TLS_PASSWORD environment variable.")
  String tlsPassword;

  @Option(
      names = "--tiles",
      paramLabel = "DIR",
      description =
          "Serve every *.mbtiles file in DIR as a tile pack named after the file: districts.mbtiles"
              + " is /tiles/districts.json and /tiles/districts/{z}/{x}/{y}.pbf (public, no sign-in)."
              + " Default: the bundled Shanghai basemap if this build has one, else no tiles.")
  Path tilesDir;

  @Option(
      names = "--tile-max-age",
      paramLabel = "SECONDS",
      description =
          "How long clients may use a tile before asking again (Cache-Control max-age). Default: ${DEFAULT-VALUE}")
  long tileMaxAgeSeconds = SimConfig.defaults().tileMaxAge().toSeconds();

  @Option(
      names = "--sso-token-lifetime",
      paramLabel = "DURATION",
      description =
          "How long an access token from single sign-on (/oidc) is valid, ISO-8601 (PT10M)."
              + " Default: ${DEFAULT-VALUE}")
  Duration ssoTokenLifetime = SimConfig.defaults().ssoTokenLifetime();

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      description =
          "How often the stream says it is alive when there is nothing to send, ISO-8601 (PT5S)."
              + " Default: ${DEFAULT-VALUE}")
  Duration heartbeat = SimConfig.defaults().heartbeat();

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "cityops-sim-logback.xml");
    }
    System.exit(new CommandLine(new SimMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    SimConfig config =
        SimConfig.builder()
            .host(host)
            .port(port)
            .seed(seed)
            .speed(speed)
            .rate(rate)
            .scenario(Scenario.parse(scenario))
            .dataDir(dataDir)
            .start(start)
            .incidentsPerHour(incidentsPerHour)
            .deviceOfflinePerDay(offlineRate)
            .deviceFaultPerDay(faultRate)
            .falseAlarmPerDay(falseAlarmRate)
            .passwords(passwords)
            .tilesDir(tilesDir)
            .tileMaxAge(Duration.ofSeconds(tileMaxAgeSeconds))
            .ssoTokenLifetime(ssoTokenLifetime)
            .heartbeat(heartbeat)
            .tls(
                tlsKeystore == null
                    ? null
                    : new TlsKeystore(
                        tlsKeystore,
                        tlsPassword != null ? tlsPassword : System.getenv("SIM_TLS_PASSWORD")))
            .build();
    SimServer server = SimServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "sim-shutdown"));
    System.out.println("listening on " + server.port());
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cityops-sim " + SimServer.version()};
    }
  }
}
