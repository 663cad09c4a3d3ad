package com.cityops.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.feed.TransportSettings;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.sim.http.TlsKeystore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cityops doctor} against the real backend: it passes against a plain and a TLS {@code sim/}
 * (the latter trusted through --ca-bundle, over HTTPS and WSS), and fails with a reason a person
 * can act on against a wrong port, an untrusted certificate, a wrong pin and a wrong password.
 */
class DoctorIT {
  static final char[] STORE_PASSWORD = "changeit".toCharArray();
  static HeldCertificate centreCa;
  static SimServer plain;
  static SimServer tls;
  static Path caBundle;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    centreCa =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("Test City Operations Centre CA")
            .duration(3650, java.util.concurrent.TimeUnit.DAYS)
            .build();
    HeldCertificate serverCert =
        new HeldCertificate.Builder()
            .commonName("cityops.test")
            .duration(365, java.util.concurrent.TimeUnit.DAYS)
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .signedBy(centreCa)
            .build();
    Path keystore = dir.resolve("server.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, STORE_PASSWORD);
    store.setKeyEntry(
        "server",
        serverCert.keyPair().getPrivate(),
        STORE_PASSWORD,
        new Certificate[] {serverCert.certificate(), centreCa.certificate()});
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, STORE_PASSWORD);
    }
    caBundle = dir.resolve("centre-ca.pem");
    Files.writeString(caBundle, centreCa.certificatePem());
    plain = SimServer.start(SimConfig.builder().port(0).seed(7).build());
    tls =
        SimServer.start(
            SimConfig.builder()
                .port(0)
                .seed(7)
                .tls(new TlsKeystore(keystore, new String(STORE_PASSWORD)))
                .build());
  }

  @AfterAll
  static void stop() {
    plain.close();
    tls.close();
  }

  private static DoctorReport doctor(String server, String password, TransportSettings transport) {
    return new Doctor(
            new Doctor.Target(
                server,
                "operator",
                password,
                transport,
                dir.resolve("data"),
                Duration.ofSeconds(3)),
            Clock.systemUTC())
        .run();
  }

  @Test
  void passesAgainstTheReferenceBackend() {
    DoctorReport report = doctor(plain.baseUrl(), "operator", TransportSettings.DEFAULT);
    assertThat(report.passed()).as(report.toText(true)).isTrue();
    assertThat(report.check("login").outcome()).isEqualTo(Check.Outcome.PASS);
    assertThat(report.check("stream").details().get("messages")).isNotEqualTo(0);
    assertThat(report.check("tls").summary()).contains("plain HTTP");
    assertThat(report.check("clock").outcome()).isEqualTo(Check.Outcome.PASS);
  }

  @Test
  void failsClearlyOnAWrongPort() throws Exception {
    int unused;
    try (var socket = new java.net.ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    DoctorReport report =
        doctor("http://127.0.0.1:" + unused, "operator", TransportSettings.DEFAULT);
    assertThat(report.passed()).isFalse();
    assertThat(report.check("tcp").summary())
        .contains("connection refused")
        .contains("is the port right");
    assertThat(report.check("login").outcome()).isEqualTo(Check.Outcome.SKIP);
  }

  @Test
  void failsClearlyOnAWrongPassword() {
    DoctorReport report = doctor(plain.baseUrl(), "not-the-password", TransportSettings.DEFAULT);
    assertThat(report.passed()).isFalse();
    assertThat(report.check("login").summary())
        .contains("wrong user name or password")
        .contains("401");
  }

  @Test
  void failsClearlyOnACertificateThisPcDoesNotTrust() {
    DoctorReport report = doctor(tls.baseUrl(), "operator", TransportSettings.DEFAULT);
    assertThat(report.passed()).isFalse();
    Check check = report.check("tls");
    assertThat(check.outcome()).isEqualTo(Check.Outcome.FAIL);
    assertThat(check.summary())
        .contains("not trusted")
        .contains("Test City Operations Centre CA")
        .contains("--ca-bundle");
    assertThat(check.details()).containsKey("validUntil");
    assertThat(report.check("login").outcome()).isEqualTo(Check.Outcome.SKIP);
  }

  @Test
  void passesOverHttpsAndWssWithTheCentresCaBundle() {
    DoctorReport report =
        doctor(tls.baseUrl(), "operator", TransportSettings.DEFAULT.withCaBundle(caBundle));
    assertThat(report.passed()).as(report.toText(true)).isTrue();
    assertThat(report.check("tls").outcome()).isEqualTo(Check.Outcome.PASS);
    assertThat(report.check("tls").summary()).contains("CN=cityops.test");
    assertThat(report.check("stream").outcome()).isEqualTo(Check.Outcome.PASS);
  }

  @Test
  void failsWhenTheCertificateDoesNotMatchThePin() {
    String otherKeysPin =
        okhttp3.CertificatePinner.pin(new HeldCertificate.Builder().build().certificate());
    DoctorReport report =
        doctor(
            tls.baseUrl(),
            "operator",
            TransportSettings.DEFAULT.withCaBundle(caBundle).withPins(List.of(otherKeysPin)));
    assertThat(report.check("tls").summary()).contains("pin mismatch");
    assertThat(report.passed()).isFalse();
  }

  @Test
  void commandLinePrintsJsonAndExitsNonZeroOnFailure() {
    DoctorCommand command = new DoctorCommand();
    new CommandLine(command)
        .parseArgs(
            "--server",
            plain.baseUrl(),
            "--password",
            "wrong",
            "--json",
            "--stream-seconds",
            "1",
            "--data-dir",
            dir.resolve("data").toString());
    var out = new ByteArrayOutputStream();
    int code =
        command.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(OutputStream.nullOutputStream()));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("{\"server\":")
        .contains("\"passed\":false")
        .contains("\"name\":\"login\",\"outcome\":\"fail\"");
  }
}
