package com.cityops.map.maplibre;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-expression syntax still found in many styles, converted to {@link Expression}s: legacy
 * filters ({@code ["==", "class", "park"]}, {@code $type}, {@code $id}, {@code in}, {@code none},
 * …) and functions ({@code {"base": 1.4, "stops": [[10, 1], [18, 6]]}}, zoom or property, of type
 * exponential, interval, categorical or identity). Stateless and thread-safe.
 */
final class Legacy {
  private Legacy() {}

  /** Whether a filter is in expression syntax, decided as MapLibre's {@code isExpressionFilter}. */
  static boolean isExpressionFilter(JsonNode f) {
    if (f.isBoolean()) {
      return true;
    }
    if (!f.isArray() || f.isEmpty()) {
      return false;
    }
    String op = f.get(0).asText();
    return switch (op) {
      case "has" ->
          f.size() >= 2 && !f.get(1).asText().equals("$id") && !f.get(1).asText().equals("$type");
      case "in" -> f.size() >= 3 && (!f.get(1).isTextual() || f.get(2).isArray());
      case "!in", "!has", "none" -> false;
      case "==", "!=", ">", ">=", "<", "<=" ->
          f.size() != 3 || f.get(1).isArray() || f.get(2).isArray();
      case "any", "all" -> {
        for (int i = 1; i < f.size(); i++) {
          if (!isExpressionFilter(f.get(i)) && !f.get(i).isBoolean()) {
            yield false;
          }
        }
        yield true;
      }
      default -> true;
    };
  }

  static Expression filter(JsonNode f) {
    if (isExpressionFilter(f)) {
      return ExpressionCompiler.compile(f);
    }
    // found by MapLibreStyleFuzzTest: a filter such as "building" or ["has"] ended in an NPE
    if (!f.isArray() || f.isEmpty()) {
      throw new ExpressionException(
          "a filter must be an array or a boolean, not "
              + f.getNodeType().toString().toLowerCase());
    }
    String op = f.get(0).asText();
    if (f.size() < (op.equals("all") || op.equals("any") || op.equals("none") ? 1 : 2)) {
      throw new ExpressionException("legacy filter '" + op + "' names no key");
    }
    switch (op) {
      case "all", "any", "none" -> {
        List<Expression> parts = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) {
          parts.add(filter(f.get(i)));
        }
        Expression[] a = parts.toArray(Expression[]::new);
        return ctx -> {
          for (Expression e : a) {
            boolean v = Boolean.TRUE.equals(e.evaluate(ctx));
            if (op.equals("all") && !v) {
              return false;
            }
            if (!op.equals("all") && v) {
              return op.equals("any");
            }
          }
          return !op.equals("any");
        };
      }
      case "has", "!has" -> {
        String key = f.get(1).asText();
        boolean want = op.equals("has");
        return ctx -> (value(key).evaluate(ctx) != null) == want;
      }
      case "in", "!in" -> {
        Expression v = value(f.get(1).asText());
        Set<Object> set = new HashSet<>();
        for (int i = 2; i < f.size(); i++) {
          set.add(key(ExpressionCompiler.literal(f.get(i))));
        }
        boolean want = op.equals("in");
        return ctx -> set.contains(key(v.evaluate(ctx))) == want;
      }
      case "==", "!=", "<", "<=", ">", ">=" -> {
        Expression v = value(f.get(1).asText());
        Object expected = ExpressionCompiler.literal(f.get(2));
        return ctx -> {
          Object actual = v.evaluate(ctx);
          if (op.equals("==")) {
            return ExpressionCompiler.same(actual, expected);
          }
          if (op.equals("!=")) {
            return !ExpressionCompiler.same(actual, expected);
          }
          int c = ExpressionCompiler.order(actual, expected);
          if (c == Integer.MIN_VALUE) {
            return false; // legacy comparisons need both sides of one type
          }
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
          };
        };
      }
      default -> throw new ExpressionException("'" + op + "' is not a legacy filter operator");
    }
  }

  private static Object key(Object v) {
    return v instanceof Number n ? (Object) n.doubleValue() : v;
  }

  private static Expression value(String key) {
    return switch (key) {
      case "$type" -> Expression.Context::geometryType;
      case "$id" -> ctx -> ExpressionCompiler.normalise(ctx.id());
      default -> ctx -> ExpressionCompiler.normalise(ctx.properties().get(key));
    };
  }

  /**
   * A legacy function object for a property of type {@code type} ({@code number}, {@code color}…).
   */
  static Expression function(JsonNode fn, String type) {
    boolean interpolatable = type.equals("number") || type.equals("color");
    String kind = fn.path("type").asText(interpolatable ? "exponential" : "interval");
    double base = fn.path("base").asDouble(1);
    String property = fn.has("property") ? fn.get("property").asText() : null;
    Expression input = property == null ? Expression.Context::zoom : value(property);
    Object fallback = fn.has("default") ? ExpressionCompiler.literal(fn.get("default")) : null;
    if (kind.equals("identity")) {
      if (property == null) {
        throw new ExpressionException("an identity function needs a 'property'");
      }
      return input;
    }
    JsonNode stops = fn.path("stops");
    if (!stops.isArray() || stops.isEmpty()) {
      throw new ExpressionException(
          "a function needs 'stops': " + ExpressionCompiler.abbreviate(fn));
    }
    int n = stops.size();
    double[] at = new double[n];
    Expression[] out = new Expression[n];
    Map<Object, Expression> categories = new HashMap<>();
    for (int i = 0; i < n; i++) {
      JsonNode stop = stops.get(i);
      if (stop.path(0).isObject()) {
        throw new ExpressionException(
            "zoom-and-property functions ({\"zoom\": …, \"value\": …} stops) are not supported");
      }
      out[i] =
          ExpressionCompiler.colourLiteral(
              Expression.constant(ExpressionCompiler.literal(stop.path(1))));
      if (kind.equals("categorical")) {
        categories.put(key(ExpressionCompiler.literal(stop.path(0))), out[i]);
      } else {
        at[i] = stop.path(0).asDouble();
      }
    }
    Expression otherwise = ExpressionCompiler.colourLiteral(Expression.constant(fallback));
    return switch (kind) {
      case "exponential" ->
          withDefault(ExpressionCompiler.interpolation(input, base, at, out), input, otherwise);
      case "interval" -> {
        // Below the first stop an interval function gives the first stop's value.
        Expression[] outputs = new Expression[n + 1];
        outputs[0] = out[0];
        System.arraycopy(out, 0, outputs, 1, n);
        yield withDefault(ExpressionCompiler.stepping(input, at, outputs), input, otherwise);
      }
      case "categorical" ->
          ctx -> categories.getOrDefault(key(input.evaluate(ctx)), otherwise).evaluate(ctx);
      default -> throw new ExpressionException("function type '" + kind + "' is not known");
    };
  }

  /** A property function falls back to its default when the feature lacks a number. */
  private static Expression withDefault(Expression f, Expression input, Expression otherwise) {
    return ctx ->
        ExpressionCompiler.toNumber(input.evaluate(ctx)) == null
            ? otherwise.evaluate(ctx)
            : f.evaluate(ctx);
  }
}
