package com.cityops.sim;

import com.cityops.sim.http.TlsKeystore;
import com.cityops.sim.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How to run the reference backend. {@link #defaults()} gives the demo city; tests change what they
 * need through {@link #builder()}.
 *
 * @param dataDir where the event journal and idempotency answers live; null keeps them in memory
 * @param start the city time to start at; null means now (ignored when a journal is resumed)
 * @param rate extra events per real second for load tests
 * @param incidentsPerHour new cases per city hour at the daytime peak, before weather
 * @param canary how often the end-to-end test signal is sent (real time)
 * @param passwords demo accounts' passwords by user name (default: the name itself)
 * @param tls serve HTTPS and WSS with this keystore; null serves plain HTTP
 * @param tilesDir serve every {@code *.mbtiles} in it under {@code /tiles}; null serves the bundled
 *     demo basemap if the build has one, else no tiles
 * @param tileMaxAge how long clients may use a tile without asking again ({@code Cache-Control:
 *     max-age}); zero makes them revalidate every time (with {@code If-None-Match})
 * @param ssoTokenLifetime how long an access token from single sign-on (the OpenID Connect
 *     provider) is valid before the client must refresh it
 */
public record SimConfig(
    String host,
    int port,
    long seed,
    double speed,
    double rate,
    Path dataDir,
    Scenario scenario,
    Instant start,
    double incidentsPerHour,
    double deviceOfflinePerDay,
    double deviceFaultPerDay,
    double falseAlarmPerDay,
    Duration heartbeat,
    Duration canary,
    int journalMemory,
    Map<String, String> passwords,
    TlsKeystore tls,
    Path tilesDir,
    Duration tileMaxAge,
    Duration ssoTokenLifetime) {

  public SimConfig {
    if (ssoTokenLifetime == null || ssoTokenLifetime.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException(
          "the SSO token lifetime must be 2 s or more, got " + ssoTokenLifetime);
    }
    if (tileMaxAge == null || tileMaxAge.isNegative()) {
      throw new IllegalArgumentException("tile max-age must be zero or more, got " + tileMaxAge);
    }
  }

  public static SimConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.seed = seed;
    b.speed = speed;
    b.rate = rate;
    b.dataDir = dataDir;
    b.scenario = scenario;
    b.start = start;
    b.incidentsPerHour = incidentsPerHour;
    b.deviceOfflinePerDay = deviceOfflinePerDay;
    b.deviceFaultPerDay = deviceFaultPerDay;
    b.falseAlarmPerDay = falseAlarmPerDay;
    b.heartbeat = heartbeat;
    b.canary = canary;
    b.journalMemory = journalMemory;
    b.passwords = passwords;
    b.tls = tls;
    b.tilesDir = tilesDir;
    b.tileMaxAge = tileMaxAge;
    b.ssoTokenLifetime = ssoTokenLifetime;
    return b;
  }

  /** Builds a config; every field starts at the demo default. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private TlsKeystore tls;
    private long seed = 20261122L;
    private double speed = 1.0;
    private double rate = 0;
    private Path dataDir = null;
    private Scenario scenario = Scenario.NORMAL;
    private Instant start = null;
    private double incidentsPerHour = 240;
    private double deviceOfflinePerDay = 0.02;
    private double deviceFaultPerDay = 0.005;
    private double falseAlarmPerDay = 0.01;
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration canary = Duration.ofSeconds(10);
    private int journalMemory = 200_000;
    private Map<String, String> passwords = Map.of();
    private Path tilesDir = null;
    private Duration tileMaxAge = Duration.ofHours(1);
    private Duration ssoTokenLifetime = Duration.ofMinutes(10);

    private Builder() {}

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder speed(double value) {
      this.speed = value;
      return this;
    }

    public Builder rate(double value) {
      this.rate = value;
      return this;
    }

    public Builder dataDir(Path value) {
      this.dataDir = value;
      return this;
    }

    public Builder scenario(Scenario value) {
      this.scenario = value;
      return this;
    }

    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    public Builder incidentsPerHour(double value) {
      this.incidentsPerHour = value;
      return this;
    }

    public Builder deviceOfflinePerDay(double value) {
      this.deviceOfflinePerDay = value;
      return this;
    }

    public Builder deviceFaultPerDay(double value) {
      this.deviceFaultPerDay = value;
      return this;
    }

    public Builder falseAlarmPerDay(double value) {
      this.falseAlarmPerDay = value;
      return this;
    }

    public Builder heartbeat(Duration value) {
      this.heartbeat = value;
      return this;
    }

    public Builder canary(Duration value) {
      this.canary = value;
      return this;
    }

    public Builder journalMemory(int value) {
      this.journalMemory = value;
      return this;
    }

    public Builder passwords(Map<String, String> value) {
      this.passwords = value;
      return this;
    }

    public Builder tls(TlsKeystore value) {
      this.tls = value;
      return this;
    }

    public Builder tilesDir(Path value) {
      this.tilesDir = value;
      return this;
    }

    public Builder tileMaxAge(Duration value) {
      this.tileMaxAge = value;
      return this;
    }

    public Builder ssoTokenLifetime(Duration value) {
      this.ssoTokenLifetime = value;
      return this;
    }

    public SimConfig build() {
      return new SimConfig(
          host,
          port,
          seed,
          speed,
          rate,
          dataDir,
          scenario,
          start,
          incidentsPerHour,
          deviceOfflinePerDay,
          deviceFaultPerDay,
          falseAlarmPerDay,
          heartbeat,
          canary,
          journalMemory,
          passwords,
          tls,
          tilesDir,
          tileMaxAge,
          ssoTokenLifetime);
    }
  }
}
