package com.cityops.app.signin;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens the provider's sign-in page: the system browser (RFC 8252: no embedded web view). */
public interface Browser {
  void open(URI uri) throws IOException;

  /** The desktop's default browser: xdg-open, rundll32 url.dll or open. */
  static Browser system() {
    return uri -> {
      String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
      List<String> command =
          os.startsWith("windows")
              ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
              : os.startsWith("mac")
                  ? List.of("open", uri.toString())
                  : List.of("xdg-open", uri.toString());
      new ProcessBuilder(command).redirectErrorStream(true).start();
    };
  }
}
