package com.cityops.app.doctor;

import com.cityops.api.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything {@code cityops doctor} found; it passes when no check failed (warnings allowed). */
public record DoctorReport(String server, Instant at, List<Check> checks) {
  public DoctorReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().noneMatch(c -> c.outcome() == Check.Outcome.FAIL);
  }

  public Check check(String name) {
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check named " + name));
  }

  /** The report for people: one line per check, details indented, the verdict last. */
  public String toText(boolean withDetails) {
    StringBuilder out = new StringBuilder();
    out.append("CityOps doctor · ").append(server).append(" · ").append(at).append('\n');
    for (Check c : checks) {
      out.append(String.format("  %-4s  %-9s %s%n", c.outcome(), c.name(), c.summary()));
      if (withDetails) {
        c.details()
            .forEach((k, v) -> out.append(String.format("                  %s: %s%n", k, v)));
      }
    }
    List<String> failed =
        checks.stream().filter(c -> c.outcome() == Check.Outcome.FAIL).map(Check::name).toList();
    long warnings = checks.stream().filter(c -> c.outcome() == Check.Outcome.WARN).count();
    out.append(
        failed.isEmpty()
            ? "Result: PASS" + (warnings > 0 ? " (" + warnings + " warning(s))" : "")
            : "Result: FAIL (" + String.join(", ", failed) + ")");
    return out.append('\n').toString();
  }

  /** The report for monitoring systems. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("server", server);
    root.put("at", at.toString());
    root.put("passed", passed());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Check c : checks) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", c.name());
      one.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
      one.put("summary", c.summary());
      one.put("details", c.details());
      list.add(one);
    }
    root.put("checks", list);
    return Json.write(root);
  }
}
