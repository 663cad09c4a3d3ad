package com.cityops.app.detail;

import com.cityops.api.IncidentLevel;
import com.cityops.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The centre's rules for working a case, read once from the resources next to this class: routing
 * rules ({@code routing-rules.json}: category → departments to dispatch to) and standard operating
 * procedures ({@code sop-checklists.json}: category → steps to tick off). Immutable, thread-safe.
 */
public final class CaseRules {
  private static final String STREET_OFFICE = "街镇";

  private final List<String> departments;
  private final Map<String, List<String>> routes;
  private final int streetLeadsLevel;
  private final List<String> defaultSop;
  private final Map<String, List<String>> sops;

  CaseRules(
      List<String> departments,
      Map<String, List<String>> routes,
      int streetLeadsLevel,
      List<String> defaultSop,
      Map<String, List<String>> sops) {
    this.departments = List.copyOf(departments);
    this.routes = Map.copyOf(routes);
    this.streetLeadsLevel = streetLeadsLevel;
    this.defaultSop = List.copyOf(defaultSop);
    this.sops = Map.copyOf(sops);
  }

  /** The rules shipped with the app (read on first use, then shared: they never change). */
  public static CaseRules bundled() {
    return Bundled.RULES;
  }

  /** Every department a case can be dispatched to, in the rules' order. */
  public List<String> departments() {
    return departments;
  }

  /**
   * The departments the routing rules suggest for a case: its category's, plus the street office
   * for the street-level grade. An unknown category gets the street office alone.
   */
  public List<String> suggestedDepartments(String category, IncidentLevel level) {
    LinkedHashSet<String> chosen = new LinkedHashSet<>(routes.getOrDefault(category, List.of()));
    if (chosen.isEmpty() || level.code() >= streetLeadsLevel) {
      chosen.add(STREET_OFFICE);
    }
    return List.copyOf(chosen);
  }

  /** The categories the routing rules know. */
  public java.util.Set<String> routedCategories() {
    return routes.keySet();
  }

  /** The SOP steps for a category (the default procedure when it has none of its own). */
  public List<String> sopSteps(String category) {
    return sops.getOrDefault(category, defaultSop);
  }

  /** The categories with their own SOP. */
  public java.util.Set<String> sopCategories() {
    return sops.keySet();
  }

  static CaseRules read(InputStream routing, InputStream sop) {
    JsonNode r = tree(routing, "routing-rules.json");
    JsonNode s = tree(sop, "sop-checklists.json");
    return new CaseRules(
        strings(r.path("departments"), "routing-rules.json departments"),
        lists(r.path("categories"), "routing-rules.json categories"),
        r.path("streetLeadsLevel").asInt(4),
        strings(s.path("default"), "sop-checklists.json default"),
        lists(s.path("categories"), "sop-checklists.json categories"));
  }

  private static JsonNode tree(InputStream in, String name) {
    if (in == null) {
      throw new IllegalStateException("the app is missing its resource " + name);
    }
    try (in) {
      return Json.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, List<String>> lists(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalStateException(where + " must be an object of category → list");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue(), where)));
    return out;
  }

  private static List<String> strings(JsonNode node, String where) {
    if (!node.isArray()) {
      throw new IllegalStateException(where + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static final class Bundled {
    static final CaseRules RULES =
        read(
            CaseRules.class.getResourceAsStream("routing-rules.json"),
            CaseRules.class.getResourceAsStream("sop-checklists.json"));
  }
}
