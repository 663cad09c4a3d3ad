package com.cityops.app.detail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the outbox's record of a refusal ({@code POST /api/v1/incidents/x/actions → HTTP 409
 * (Title: detail)}) for a person: the HTTP status and the server's own sentence. Pure.
 */
final class ServerReason {
  private static final Pattern ANSWER =
      Pattern.compile("→ HTTP (\\d{3}) \\((.*)\\)\\s*$", Pattern.DOTALL);

  private ServerReason() {}

  /** The HTTP status as text, or "?" when the reason is not an HTTP answer. */
  static String status(String reason) {
    if (reason == null) {
      return "?";
    }
    Matcher m = ANSWER.matcher(reason);
    return m.find() ? m.group(1) : "?";
  }

  /** The server's detail sentence (the problem's detail without its title), else the reason. */
  static String readable(String reason) {
    if (reason == null) {
      return "";
    }
    Matcher m = ANSWER.matcher(reason);
    if (!m.find()) {
      return reason;
    }
    String inner = m.group(2);
    int colon = inner.indexOf(": ");
    return colon > 0 ? inner.substring(colon + 2) : inner;
  }
}
