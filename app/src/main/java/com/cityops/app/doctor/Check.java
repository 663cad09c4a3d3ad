package com.cityops.app.doctor;

import java.util.Map;

/**
 * One diagnostic step and what it found.
 *
 * @param name short id, e.g. {@code tls}
 * @param summary one line a person can act on
 * @param details figures behind the summary (for {@code --json} and the verbose listing)
 */
public record Check(String name, Outcome outcome, String summary, Map<String, Object> details) {
  public Check {
    details = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
  }

  public enum Outcome {
    PASS,
    WARN,
    FAIL,
    SKIP
  }

  static Check pass(String name, String summary, Map<String, Object> details) {
    return new Check(name, Outcome.PASS, summary, details);
  }

  static Check warn(String name, String summary, Map<String, Object> details) {
    return new Check(name, Outcome.WARN, summary, details);
  }

  static Check fail(String name, String summary) {
    return new Check(name, Outcome.FAIL, summary, Map.of());
  }

  static Check fail(String name, String summary, Map<String, Object> details) {
    return new Check(name, Outcome.FAIL, summary, details);
  }

  static Check skip(String name, String why) {
    return new Check(name, Outcome.SKIP, why, Map.of());
  }
}
