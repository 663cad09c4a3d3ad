package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives JSON Schema (2020-12, as OpenAPI 3.1 uses) for the contract's records and enums,
 * following the rules of {@link Json}: instants as date-time strings, enums as lower-case names
 * unless they carry {@code @JsonValue}, nulls omitted (so only primitives and lists not marked
 * {@code @Nullable} are required), personal data marked {@code x-personal-data}. The OpenAPI
 * document's components are this output.
 */
final class RecordSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, double[]> RANGES =
      Map.of(
          "Location.lon", new double[] {-180, 180},
          "Location.lat", new double[] {-90, 90},
          "Device.falseAlarmRate", new double[] {0, 1});

  private final Map<String, JsonNode> schemas = new TreeMap<>();

  static Map<String, JsonNode> of(List<Class<?>> roots) {
    RecordSchemas generator = new RecordSchemas();
    roots.forEach(generator::define);
    return generator.schemas;
  }

  private void define(Class<?> type) {
    String name = type.getSimpleName();
    if (schemas.containsKey(name)) {
      return;
    }
    schemas.put(name, NODES.objectNode()); // placeholder against recursion
    schemas.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type));
  }

  private JsonNode recordSchema(Class<?> type) {
    ObjectNode schema = NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      ObjectNode property =
          schemaOf(component.getGenericType(), type.getSimpleName() + "." + component.getName());
      if (component.isAnnotationPresent(PersonalData.class)) {
        property.put("x-personal-data", true);
      }
      properties.set(component.getName(), property);
      Class<?> raw = component.getType();
      boolean nullable =
          component.getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class);
      if (raw.isPrimitive() || (List.class.isAssignableFrom(raw) && !nullable)) {
        required.add(component.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  private ObjectNode schemaOf(Type type, String where) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      ObjectNode array = NODES.objectNode().put("type", "array");
      array.set("items", schemaOf(p.getActualTypeArguments()[0], where));
      return array;
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return NODES.objectNode().put("type", "object");
    }
    if (type instanceof java.lang.reflect.TypeVariable<?>) {
      return NODES.objectNode(); // ItemList<T>: each endpoint documents its item type
    }
    Class<?> raw =
        type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
    if (raw == String.class) {
      return NODES.objectNode().put("type", "string");
    }
    if (raw == Instant.class) {
      return NODES.objectNode().put("type", "string").put("format", "date-time");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
      ObjectNode integer = NODES.objectNode().put("type", "integer");
      if (where.endsWith(".seq")
          || where.endsWith(".count")
          || where.endsWith(".version")
          || where.endsWith("featureCount")) {
        integer.put("minimum", 0);
      }
      return integer;
    }
    if (raw == double.class || raw == Double.class) {
      ObjectNode number = NODES.objectNode().put("type", "number");
      double[] range = RANGES.get(where);
      if (range != null) {
        number.put("minimum", range[0]).put("maximum", range[1]);
      }
      return number;
    }
    if (raw == JsonNode.class || raw == Object.class) {
      return NODES.objectNode(); // any JSON: GeoJSON geometry, stream payload (checked per type)
    }
    if (raw.isRecord() || raw.isEnum()) {
      define(raw);
      return NODES.objectNode().put("$ref", "#/components/schemas/" + raw.getSimpleName());
    }
    throw new IllegalArgumentException("no schema rule for " + raw + " at " + where);
  }

  private static JsonNode enumSchema(Class<?> type) {
    Method jsonValue = null;
    for (Method m : type.getMethods()) {
      if (m.isAnnotationPresent(JsonValue.class)) {
        jsonValue = m;
      }
    }
    ArrayNode values = NODES.arrayNode();
    String kind = "string";
    for (Object constant : type.getEnumConstants()) {
      if (jsonValue == null) {
        values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        continue;
      }
      try {
        Object v = jsonValue.invoke(constant);
        if (v instanceof Integer i) {
          values.add(i);
          kind = "integer";
        } else {
          values.add(String.valueOf(v));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    ObjectNode schema = NODES.objectNode().put("type", kind);
    schema.set("enum", values);
    return schema;
  }
}
