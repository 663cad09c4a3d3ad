package com.cityops.map.style;

import com.cityops.map.data.Feature;
import java.util.Set;

/**
 * Which features a rule applies to: all, those whose attribute is one of some values (categorized
 * renderer), or whose number lies in [min, max) (graduated renderer). {@code negated} turns an
 * in-filter into "everything else" (GeoTools' else rule): it also matches features without the
 * attribute, so a categorized default catches them.
 */
public record Filter(
    String attribute, Set<String> values, Double min, Double max, boolean negated) {
  public static final Filter ALL = new Filter(null, Set.of(), null, null);

  public Filter {
    values = Set.copyOf(values);
  }

  public Filter(String attribute, Set<String> values, Double min, Double max) {
    this(attribute, values, min, max, false);
  }

  public static Filter in(String attribute, String... values) {
    return new Filter(attribute, Set.of(values), null, null);
  }

  public static Filter range(String attribute, double min, double max) {
    return new Filter(attribute, Set.of(), min, max);
  }

  /** Features whose attribute is missing or none of {@code values}: the default category. */
  public static Filter notIn(String attribute, Set<String> values) {
    return new Filter(attribute, values, null, null, true);
  }

  public boolean matches(Feature feature) {
    if (attribute == null) {
      return true;
    }
    if (negated) {
      Object value = feature.attributes().get(attribute);
      return value == null || !values.contains(value.toString());
    }
    Object value = feature.attributes().get(attribute);
    if (value == null) {
      return false;
    }
    if (!values.isEmpty()) {
      return values.contains(value.toString());
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else {
      try {
        number = Double.parseDouble(value.toString());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return (min == null || number >= min) && (max == null || number < max);
  }
}
