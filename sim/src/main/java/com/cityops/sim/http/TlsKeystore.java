package com.cityops.sim.http;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificate and key the backend serves HTTPS/WSS with: a PKCS#12 keystore, as {@code keytool
 * -genkeypair -storetype PKCS12} or {@code openssl pkcs12 -export} make.
 */
public record TlsKeystore(Path path, String password) {
  public TlsKeystore {
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "TLS keystore " + path + " does not exist or is not readable");
    }
    if (password == null) {
      throw new IllegalArgumentException(
          "TLS keystore " + path + " needs a password (--tls-password or SIM_TLS_PASSWORD)");
    }
  }
}
