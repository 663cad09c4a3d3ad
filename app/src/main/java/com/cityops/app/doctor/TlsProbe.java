package com.cityops.app.doctor;

import com.cityops.app.feed.HttpClients;
import com.cityops.app.feed.TransportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Shakes hands with the server the way the client will (system CAs plus the configured bundle, host
 * name checked, pins compared) and describes the certificate it presents — also when the handshake
 * fails, so an IT person sees which certificate was refused and why.
 */
final class TlsProbe {
  private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private TlsProbe() {}

  static Check probe(String host, int port, TransportSettings settings, Instant now) {
    SSLContext trusted;
    try {
      trusted = SSLContext.getInstance("TLS");
      trusted.init(null, new TrustManager[] {HttpClients.trust(settings).trustManager()}, null);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Check.fail("tls", "cannot set up trust: " + e.getMessage());
    }
    try {
      SSLSocket socket = handshake(trusted, host, port, settings, true);
      try (socket) {
        X509Certificate[] chain = chainOf(socket.getSession().getPeerCertificates());
        Map<String, Object> details = describe(chain, now);
        details.put("protocol", socket.getSession().getProtocol());
        details.put("cipher", socket.getSession().getCipherSuite());
        List<String> pins = pinsOf(chain);
        if (!settings.pins().isEmpty() && settings.pins().stream().noneMatch(pins::contains)) {
          return Check.fail(
              "tls",
              "certificate pin mismatch: the server's chain has "
                  + pins
                  + ", none of the configured "
                  + settings.pins()
                  + " — the certificate was replaced, or the connection is intercepted",
              details);
        }
        Duration left = Duration.between(now, chain[0].getNotAfter().toInstant());
        String subject = chain[0].getSubjectX500Principal().getName();
        if (left.compareTo(EXPIRY_WARNING) < 0) {
          return Check.warn(
              "tls",
              "trusted, but the certificate expires in "
                  + left.toDays()
                  + " days ("
                  + subject
                  + ")",
              details);
        }
        return Check.pass(
            "tls",
            socket.getSession().getProtocol()
                + ", trusted certificate "
                + subject
                + ", valid "
                + left.toDays()
                + " more days",
            details);
      }
    } catch (SSLException e) {
      return refused(host, port, settings, now, e);
    } catch (IOException e) {
      return Check.fail(
          "tls", "TLS connection to " + host + ":" + port + " failed: " + e.getMessage());
    }
  }

  private static Check refused(
      String host, int port, TransportSettings settings, Instant now, SSLException why) {
    Map<String, Object> details = new LinkedHashMap<>();
    String presented = "";
    try (SSLSocket look = handshake(lookOnly(), host, port, settings, false)) {
      X509Certificate[] chain = chainOf(look.getSession().getPeerCertificates());
      details = describe(chain, now);
      X509Certificate leaf = chain[0];
      boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
      presented =
          " The server presents "
              + leaf.getSubjectX500Principal().getName()
              + " issued by "
              + leaf.getIssuerX500Principal().getName()
              + (selfSigned ? " (self-signed)" : "")
              + ".";
    } catch (IOException | GeneralSecurityException e) {
      details.put("presented", "could not be read: " + e.getMessage());
    }
    String reason = rootCause(why);
    String advice =
        reason.contains("PKIX") || reason.contains("unable to find valid certification path")
            ? " It is not signed by a CA this PC trusts; if it is the centre's private CA, pass the CA certificate with --ca-bundle FILE.pem."
            : reason.contains("No subject alternative") || reason.contains("doesn't match")
                ? " The certificate is not made out for " + host + "; connect by the name it names."
                : "";
    return Check.fail(
        "tls",
        "the server's certificate is not trusted: " + reason + "." + presented + advice,
        details);
  }

  private static SSLSocket handshake(
      SSLContext context, String host, int port, TransportSettings settings, boolean checkHostName)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
      socket.setSoTimeout((int) settings.readTimeout().toMillis());
      if (checkHostName) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
      }
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Accepts any certificate, only to read and describe what a refused server presents; never used
   * to exchange data.
   */
  private static SSLContext lookOnly() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }

  private static Map<String, Object> describe(X509Certificate[] chain, Instant now) {
    X509Certificate leaf = chain[0];
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", leaf.getSubjectX500Principal().getName());
    details.put("issuer", leaf.getIssuerX500Principal().getName());
    details.put("validFrom", leaf.getNotBefore().toInstant().toString());
    details.put("validUntil", leaf.getNotAfter().toInstant().toString());
    details.put("daysLeft", Duration.between(now, leaf.getNotAfter().toInstant()).toDays());
    details.put("subjectAltNames", altNames(leaf));
    details.put("chainLength", chain.length);
    details.put("pins", pinsOf(chain));
    return details;
  }

  private static List<String> altNames(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      if (cert.getSubjectAlternativeNames() != null) {
        cert.getSubjectAlternativeNames().forEach(entry -> names.add(String.valueOf(entry.get(1))));
      }
    } catch (CertificateParsingException e) {
      names.add("unreadable: " + e.getMessage());
    }
    return names;
  }

  /** OkHttp-style pins (sha256 of each certificate's public key), leaf first. */
  static List<String> pinsOf(X509Certificate[] chain) {
    List<String> pins = new ArrayList<>();
    for (X509Certificate cert : chain) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded());
        pins.add("sha256/" + Base64.getEncoder().encodeToString(hash));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }
    return pins;
  }

  private static X509Certificate[] chainOf(Certificate[] certificates) {
    X509Certificate[] chain = new X509Certificate[certificates.length];
    for (int i = 0; i < certificates.length; i++) {
      chain[i] = (X509Certificate) certificates[i];
    }
    return chain;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
