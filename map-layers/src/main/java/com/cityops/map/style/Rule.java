package com.cityops.map.style;

import java.util.List;

/**
 * Symbolizers for the features a filter selects, between two zooms (min inclusive, max exclusive).
 *
 * @param title shown in the legend
 */
public record Rule(
    String title, Filter filter, double minZoom, double maxZoom, List<Symbolizer> symbolizers) {
  public Rule {
    symbolizers = List.copyOf(symbolizers);
  }

  public static Rule of(String title, Symbolizer... symbolizers) {
    return new Rule(title, Filter.ALL, 0, 99, List.of(symbolizers));
  }

  public Rule between(double min, double max) {
    return new Rule(title, filter, min, max, symbolizers);
  }

  public Rule where(Filter value) {
    return new Rule(title, value, minZoom, maxZoom, symbolizers);
  }

  public boolean appliesAt(double zoom) {
    return zoom >= minZoom && zoom < maxZoom;
  }
}
