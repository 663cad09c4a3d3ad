package com.cityops.map.style;

import java.util.List;

/** A layer's rules, drawn in order (GeoTools' {@code Style} with one feature type style). */
public record Style(List<Rule> rules) {
  public Style {
    rules = List.copyOf(rules);
  }

  public static Style of(Rule... rules) {
    return new Style(List.of(rules));
  }
}
