package com.cityops.app.workspace;

import java.util.List;
import java.util.Map;

/**
 * What one operator chose for their workstation: theme, language, where the dividers are and which
 * panels live in windows of their own. Kept as JSON in the per-user data folder.
 *
 * @param theme dark, light or high-contrast; null for the default
 * @param language a language tag (zh-CN, en); null for the default
 * @param dividers divider positions (0–1) per split id
 * @param detached ids of the panels shown in their own windows
 */
public record WorkspacePreferences(
    String theme, String language, Map<String, List<Double>> dividers, List<String> detached) {
  public static final WorkspacePreferences DEFAULT =
      new WorkspacePreferences(null, null, Map.of(), List.of());

  public WorkspacePreferences {
    dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    detached = detached == null ? List.of() : List.copyOf(detached);
  }

  public WorkspacePreferences withTheme(String value) {
    return new WorkspacePreferences(value, language, dividers, detached);
  }

  public WorkspacePreferences withLanguage(String value) {
    return new WorkspacePreferences(theme, value, dividers, detached);
  }

  public WorkspacePreferences withDividers(String split, List<Double> positions) {
    var map = new java.util.HashMap<>(dividers);
    map.put(split, List.copyOf(positions));
    return new WorkspacePreferences(theme, language, map, detached);
  }

  public WorkspacePreferences withDetached(String panel, boolean value) {
    var set = new java.util.LinkedHashSet<>(detached);
    if (value) {
      set.add(panel);
    } else {
      set.remove(panel);
    }
    return new WorkspacePreferences(theme, language, dividers, List.copyOf(set));
  }
}
