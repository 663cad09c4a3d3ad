package com.cityops.app.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/** Builds the one configured OkHttp client from {@link TransportSettings}. */
public final class HttpClients {
  private static final Pattern PEM_CERT =
      Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

  private HttpClients() {}

  /**
   * A client for {@code host} with the settings' trust, pins, proxy and timeouts.
   *
   * @throws IllegalArgumentException when the CA bundle cannot be read or holds no certificate
   */
  public static OkHttpClient create(String host, TransportSettings settings) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .pingInterval(settings.pingInterval());
    if (settings.caBundle() != null) {
      HandshakeCertificates trust = trust(settings);
      builder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
    }
    if (!settings.pins().isEmpty()) {
      CertificatePinner.Builder pinner = new CertificatePinner.Builder();
      settings.pins().forEach(pin -> pinner.add(host, pin));
      builder.certificatePinner(pinner.build());
    }
    Proxy proxy = proxy(settings.proxy());
    if (proxy != null) {
      builder.proxy(proxy);
    }
    return builder.build();
  }

  /** The system's trusted CAs plus those in the settings' bundle. */
  public static HandshakeCertificates trust(TransportSettings settings) {
    HandshakeCertificates.Builder trust =
        new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
    if (settings.caBundle() != null) {
      readBundle(settings).forEach(trust::addTrustedCertificate);
    }
    return trust.build();
  }

  static List<X509Certificate> readBundle(TransportSettings settings) {
    String pem;
    try {
      pem = Files.readString(settings.caBundle());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the CA bundle " + settings.caBundle() + ": " + e.getMessage(), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher m = PEM_CERT.matcher(pem);
    while (m.find()) {
      try {
        certificates.add(Certificates.decodeCertificatePem(m.group()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the CA bundle "
                + settings.caBundle()
                + " holds a damaged certificate: "
                + e.getMessage(),
            e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "the CA bundle "
              + settings.caBundle()
              + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  /** The configured proxy; null means the system's settings (OkHttp's default ProxySelector). */
  static Proxy proxy(String setting) {
    if (setting == null) {
      return null;
    }
    if (setting.equals("direct")) {
      return Proxy.NO_PROXY;
    }
    URI uri = URI.create(setting);
    Proxy.Type type = uri.getScheme().startsWith("socks") ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
    return new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
  }
}
