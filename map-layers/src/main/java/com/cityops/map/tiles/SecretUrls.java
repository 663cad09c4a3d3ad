package com.cityops.map.tiles;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides API keys in URLs before they reach a message or a log: 天地图's {@code tk}, and the usual
 * {@code key}, {@code token}, {@code access_token}, {@code apikey}, {@code api_key}. Error messages
 * name the URL so a person can try it; the key stays out of log files and screenshots.
 */
final class SecretUrls {
  private static final Set<String> SECRET =
      Set.of("tk", "key", "token", "access_token", "apikey", "api_key", "ak");
  private static final Pattern PARAM = Pattern.compile("([?&])([^=&#]+)=([^&#]*)");

  private SecretUrls() {}

  static String redact(String url) {
    Matcher m = PARAM.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = SECRET.contains(m.group(2).toLowerCase(Locale.ROOT)) ? "***" : m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
