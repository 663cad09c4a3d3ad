package com.cityops.map.style;

import java.util.List;
import java.util.Map;

/**
 * How a configured layer is drawn, as read from a style file. Every kind but {@link Classified} is
 * already a list of rules; a classified graduated renderer needs the data's values first (see
 * {@link Classified#rules(double[])}). Immutable.
 */
public sealed interface RendererSpec {

  /** One or more rules applied to every feature. */
  record Simple(List<Rule> rules) implements RendererSpec {
    public Simple {
      rules = List.copyOf(rules);
    }
  }

  /**
   * A rule per attribute value, in file order; {@code rules} ends with the default rule (filtered
   * with {@link Filter#notIn}) when the file gives one.
   */
  record Categorized(String attribute, Map<String, Rule> categories, Rule fallback)
      implements RendererSpec {
    public Categorized {
      categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
    }

    public List<Rule> rules() {
      List<Rule> rules = new java.util.ArrayList<>(categories.values());
      if (fallback != null) {
        rules.add(fallback);
      }
      return List.copyOf(rules);
    }
  }

  /** Explicit numeric ranges, each [min, max) with its own symbolizers. */
  record Graduated(String attribute, List<Rule> rules) implements RendererSpec {
    public Graduated {
      rules = List.copyOf(rules);
    }
  }

  /**
   * {@code classes} classes by {@code method}, coloured from {@code ramp}; {@code template} holds
   * the symbolizers each class is drawn with, the ramp colour replacing the colour of the first
   * fill or marker (or, when there is neither, of the first stroke).
   */
  record Classified(
      String attribute,
      int classes,
      Classification.Method method,
      List<Rgba> ramp,
      List<Symbolizer> template,
      double minZoom,
      double maxZoom)
      implements RendererSpec {
    public Classified {
      ramp = List.copyOf(ramp);
      template = List.copyOf(template);
    }

    /** The class rules for these data values. */
    public List<Rule> rules(double[] values) {
      return Classification.rules(
              attribute, Classification.breaks(values, classes, method), ramp, this::coloured)
          .stream()
          .map(r -> r.between(minZoom, maxZoom))
          .toList();
    }

    private List<Symbolizer> coloured(Rgba colour) {
      List<Symbolizer> out = new java.util.ArrayList<>(template);
      int target = -1;
      for (int i = 0; i < out.size() && target < 0; i++) {
        if (out.get(i) instanceof Symbolizer.Fill || out.get(i) instanceof Symbolizer.Marker) {
          target = i;
        }
      }
      for (int i = 0; i < out.size() && target < 0; i++) {
        if (out.get(i) instanceof Symbolizer.Stroke) {
          target = i;
        }
      }
      if (target < 0) {
        out.add(0, new Symbolizer.Fill(colour));
        return out;
      }
      Symbolizer s = out.get(target);
      if (s instanceof Symbolizer.Marker m) {
        out.set(target, new Symbolizer.Marker(m.shape(), m.size(), colour, m.stroke()));
      } else if (s instanceof Symbolizer.Stroke st) {
        out.set(target, new Symbolizer.Stroke(colour, st.width()));
      } else {
        out.set(target, new Symbolizer.Fill(colour));
      }
      return out;
    }
  }
}
