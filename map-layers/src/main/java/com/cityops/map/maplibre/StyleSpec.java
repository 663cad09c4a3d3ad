package com.cityops.map.maplibre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The MapLibre style-spec reference ({@code v8.json}, shipped unchanged as a resource): which
 * layout and paint properties each layer type has, their value types and defaults, and the names of
 * all expression operators. Read once; immutable and thread-safe.
 */
public final class StyleSpec {
  private static final String RESOURCE = "v8.json";
  private static volatile StyleSpec instance;

  private final Map<String, Property> properties = new HashMap<>();
  private final Set<String> expressionNames = new HashSet<>();

  /** One property: {@code group} is {@code paint} or {@code layout}; default may be null. */
  public record Property(
      String layerType, String group, String name, String type, Object defaultValue) {
    public boolean isColor() {
      return type.equals("color");
    }
  }

  private StyleSpec(JsonNode v8) {
    v8.fieldNames()
        .forEachRemaining(
            section -> {
              for (String group : new String[] {"paint", "layout"}) {
                if (section.startsWith(group + "_")) {
                  String layerType = section.substring(group.length() + 1);
                  v8.get(section)
                      .fields()
                      .forEachRemaining(
                          p ->
                              properties.put(
                                  key(layerType, group, p.getKey()),
                                  new Property(
                                      layerType,
                                      group,
                                      p.getKey(),
                                      p.getValue().path("type").asText(),
                                      defaultOf(p.getValue()))));
                }
              }
            });
    v8.path("expression_name").path("values").fieldNames().forEachRemaining(expressionNames::add);
  }

  private static Object defaultOf(JsonNode spec) {
    JsonNode d = spec.get("default");
    if (d == null) {
      return null;
    }
    Object value = ExpressionCompiler.literal(d);
    if ("color".equals(spec.path("type").asText()) && value instanceof String s) {
      return Colors.parse(s);
    }
    return value;
  }

  public static StyleSpec v8() {
    StyleSpec spec = instance;
    if (spec == null) {
      try (InputStream in = StyleSpec.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "style-spec reference "
                  + RESOURCE
                  + " is missing from the classpath (map-layers jar)");
        }
        spec = new StyleSpec(new ObjectMapper().readTree(in));
        instance = spec;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the style-spec reference " + RESOURCE, e);
      }
    }
    return spec;
  }

  /** The property, or null when layers of that type have no such property. */
  public Property property(String layerType, String group, String name) {
    return properties.get(key(layerType, group, name));
  }

  public boolean isExpressionName(String op) {
    return expressionNames.contains(op);
  }

  private static String key(String layerType, String group, String name) {
    return layerType + '/' + group + '/' + name;
  }
}
