package com.cityops.map.maplibre;

import com.cityops.map.style.Rgba;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles MapLibre expression JSON into {@link Expression} trees of lambdas. Operators outside
 * {@link #SUPPORTED} throw an {@link ExpressionException} naming the operator, so the style reader
 * can report the property and leave it out. Stateless and thread-safe.
 */
final class ExpressionCompiler {
  static final Set<String> SUPPORTED =
      Set.of(
          "literal",
          "get",
          "has",
          "id",
          "properties",
          "geometry-type",
          "zoom",
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "all",
          "any",
          "!",
          "in",
          "match",
          "case",
          "coalesce",
          "interpolate",
          "step",
          "to-number",
          "to-string",
          "to-boolean",
          "to-color",
          "number",
          "string",
          "boolean",
          "concat",
          "upcase",
          "downcase",
          "rgb",
          "rgba",
          "+",
          "-",
          "*",
          "/",
          "%",
          "^",
          "min",
          "max",
          "abs",
          "floor",
          "ceil",
          "round",
          "sqrt",
          "e",
          "pi",
          "ln2");

  private ExpressionCompiler() {}

  /** Whether JSON in a property's place is an expression rather than an array value. */
  static boolean isExpression(JsonNode json) {
    return json.isArray()
        && !json.isEmpty()
        && json.get(0).isTextual()
        && (SUPPORTED.contains(json.get(0).asText())
            || StyleSpec.v8().isExpressionName(json.get(0).asText()));
  }

  static Expression compile(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return Expression.constant(null);
    }
    if (json.isNumber()) {
      return Expression.constant(json.asDouble());
    }
    if (json.isBoolean()) {
      return Expression.constant(json.asBoolean());
    }
    if (json.isTextual()) {
      return Expression.constant(json.asText());
    }
    if (json.isObject()) {
      throw new ExpressionException(
          "an object is only allowed inside [\"literal\", …]; found " + abbreviate(json));
    }
    if (json.isEmpty() || !json.get(0).isTextual()) {
      throw new ExpressionException(
          "an expression is an array starting with an operator name; found " + abbreviate(json));
    }
    String op = json.get(0).asText();
    List<Expression> args = new ArrayList<>();
    return switch (op) {
      case "literal" -> {
        arity(json, 1);
        yield Expression.constant(literal(json.get(1)));
      }
      case "get" -> {
        if (json.size() == 3) {
          throw new ExpressionException(
              "[\"get\", key, object] is not supported; use [\"get\", key]");
        }
        arity(json, 1);
        Expression key = compile(json.get(1));
        if (key instanceof Expression.Constant c && c.value() instanceof String k) {
          yield ctx -> normalise(ctx.properties().get(k));
        }
        yield ctx -> normalise(ctx.properties().get(String.valueOf(key.evaluate(ctx))));
      }
      case "has" -> {
        arity(json, 1);
        Expression key = compile(json.get(1));
        yield ctx -> ctx.properties().containsKey(String.valueOf(key.evaluate(ctx)));
      }
      case "id" -> ctx -> normalise(ctx.id());
      case "properties" -> ctx -> ctx.properties();
      case "geometry-type" -> Expression.Context::geometryType;
      case "zoom" -> Expression.Context::zoom;
      case "==", "!=", "<", "<=", ">", ">=" -> comparison(op, json);
      case "all" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (Expression e : a) {
            if (!Boolean.TRUE.equals(e.evaluate(ctx))) {
              return false;
            }
          }
          return true;
        };
      }
      case "any" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (Expression e : a) {
            if (Boolean.TRUE.equals(e.evaluate(ctx))) {
              return true;
            }
          }
          return false;
        };
      }
      case "!" -> {
        arity(json, 1);
        Expression a = compile(json.get(1));
        yield ctx -> !Boolean.TRUE.equals(a.evaluate(ctx));
      }
      case "in" -> {
        arity(json, 2);
        Expression needle = compile(json.get(1));
        Expression haystack = compile(json.get(2));
        yield ctx -> {
          Object n = needle.evaluate(ctx);
          Object h = haystack.evaluate(ctx);
          if (h instanceof String s) {
            return n != null && s.contains(toText(n));
          }
          return h instanceof List<?> list && list.stream().anyMatch(v -> same(v, n));
        };
      }
      case "match" -> match(json);
      case "case" -> {
        if (json.size() < 4 || json.size() % 2 != 0) {
          throw new ExpressionException(
              "[\"case\", cond, out, …, fallback] needs pairs and a fallback");
        }
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (int i = 0; i + 1 < a.length; i += 2) {
            if (Boolean.TRUE.equals(a[i].evaluate(ctx))) {
              return a[i + 1].evaluate(ctx);
            }
          }
          return a[a.length - 1].evaluate(ctx);
        };
      }
      case "coalesce" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (Expression e : a) {
            Object v = e.evaluate(ctx);
            if (v != null) {
              return v;
            }
          }
          return null;
        };
      }
      case "interpolate" -> interpolate(json);
      case "step" -> step(json);
      case "to-number", "number" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (Expression e : a) {
            Double d = toNumber(e.evaluate(ctx));
            if (d != null) {
              return d;
            }
          }
          return op.equals("to-number") ? 0.0 : null;
        };
      }
      case "to-string", "string" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          Object v = a[0].evaluate(ctx);
          return op.equals("to-string") ? toText(v) : v instanceof String ? v : null;
        };
      }
      case "to-boolean", "boolean" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          Object v = a[0].evaluate(ctx);
          if (op.equals("boolean")) {
            return v instanceof Boolean ? v : null;
          }
          return v != null
              && !Boolean.FALSE.equals(v)
              && !"".equals(v)
              && !(v instanceof Double d && (d == 0 || d.isNaN()));
        };
      }
      case "to-color" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          for (Expression e : a) {
            Rgba c = toColor(e.evaluate(ctx));
            if (c != null) {
              return c;
            }
          }
          return null;
        };
      }
      case "rgb", "rgba" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          double alpha = a.length > 3 ? num(a[3].evaluate(ctx)) : 1;
          return new Rgba(
              byteOf(a[0].evaluate(ctx)),
              byteOf(a[1].evaluate(ctx)),
              byteOf(a[2].evaluate(ctx)),
              Math.max(0, Math.min(1, alpha)));
        };
      }
      case "concat" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          StringBuilder sb = new StringBuilder();
          for (Expression e : a) {
            sb.append(toText(e.evaluate(ctx)));
          }
          return sb.toString();
        };
      }
      case "upcase", "downcase" -> {
        arity(json, 1);
        Expression a = compile(json.get(1));
        yield ctx -> {
          String s = toText(a.evaluate(ctx));
          return op.equals("upcase")
              ? s.toUpperCase(java.util.Locale.ROOT)
              : s.toLowerCase(java.util.Locale.ROOT);
        };
      }
      case "+", "*", "min", "max" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          double acc = num(a[0].evaluate(ctx));
          for (int i = 1; i < a.length; i++) {
            double v = num(a[i].evaluate(ctx));
            acc =
                switch (op) {
                  case "+" -> acc + v;
                  case "*" -> acc * v;
                  case "min" -> Math.min(acc, v);
                  default -> Math.max(acc, v);
                };
          }
          return acc;
        };
      }
      case "-", "/", "%", "^" -> {
        Expression[] a = rest(json, 1);
        yield ctx -> {
          double x = num(a[0].evaluate(ctx));
          if (a.length == 1 && op.equals("-")) {
            return -x;
          }
          double y = num(a[1].evaluate(ctx));
          return switch (op) {
            case "-" -> x - y;
            case "/" -> x / y;
            case "%" -> x % y;
            default -> Math.pow(x, y);
          };
        };
      }
      case "abs", "floor", "ceil", "round", "sqrt" -> {
        arity(json, 1);
        Expression a = compile(json.get(1));
        yield ctx -> {
          double x = num(a.evaluate(ctx));
          return switch (op) {
            case "abs" -> Math.abs(x);
            case "floor" -> Math.floor(x);
            case "ceil" -> Math.ceil(x);
              // MapLibre rounds halves away from zero (-2.5 → -3); Java's Math.round would give -2
            case "round" -> (double) (x < 0 ? -Math.round(-x) : Math.round(x));
            default -> Math.sqrt(x);
          };
        };
      }
      case "e" -> Expression.constant(Math.E);
      case "pi" -> Expression.constant(Math.PI);
      case "ln2" -> Expression.constant(Math.log(2));
      default ->
          throw new ExpressionException(
              StyleSpec.v8().isExpressionName(op)
                  ? "expression operator '" + op + "' is not supported by CityOps yet"
                  : "'" + op + "' is not an expression operator of style spec v8");
    };
  }

  private static Expression comparison(String op, JsonNode json) {
    if (json.size() == 4) {
      throw new ExpressionException("'" + op + "' with a collator is not supported");
    }
    arity(json, 2);
    Expression a = compile(json.get(1));
    Expression b = compile(json.get(2));
    return switch (op) {
      case "==" -> ctx -> same(a.evaluate(ctx), b.evaluate(ctx));
      case "!=" -> ctx -> !same(a.evaluate(ctx), b.evaluate(ctx));
      default ->
          ctx -> {
            int c = order(a.evaluate(ctx), b.evaluate(ctx));
            if (c == Integer.MIN_VALUE) {
              return false; // different or unordered types compare false, as in MapLibre
            }
            return switch (op) {
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
          };
    };
  }

  private static Expression match(JsonNode json) {
    if (json.size() < 5 || json.size() % 2 != 1) {
      throw new ExpressionException(
          "[\"match\", input, label, output, …, fallback] needs label/output pairs and a fallback");
    }
    Expression input = compile(json.get(1));
    Map<Object, Expression> cases = new HashMap<>();
    for (int i = 2; i + 1 < json.size(); i += 2) {
      Expression out = compile(json.get(i + 1));
      JsonNode label = json.get(i);
      if (label.isArray()) {
        label.forEach(l -> cases.putIfAbsent(key(literal(l)), out));
      } else {
        cases.putIfAbsent(key(literal(label)), out);
      }
    }
    Expression fallback = compile(json.get(json.size() - 1));
    return ctx -> cases.getOrDefault(key(input.evaluate(ctx)), fallback).evaluate(ctx);
  }

  /** Labels are numbers or strings; 1 and 1.0 must find the same case. */
  private static Object key(Object v) {
    return v instanceof Number n ? (Object) n.doubleValue() : v;
  }

  private static Expression interpolate(JsonNode json) {
    if (json.size() < 5 || json.size() % 2 != 1) {
      throw new ExpressionException(
          "[\"interpolate\", type, input, stop, output, …] needs stop/output pairs");
    }
    JsonNode type = json.get(1);
    String kind = type.path(0).asText();
    double base =
        switch (kind) {
          case "linear" -> 1;
          case "exponential" -> type.path(1).asDouble(1);
          default ->
              throw new ExpressionException(
                  "interpolation '" + kind + "' is not supported (linear and exponential are)");
        };
    Expression input = compile(json.get(2));
    int n = (json.size() - 3) / 2;
    double[] stops = new double[n];
    Expression[] outputs = new Expression[n];
    for (int i = 0; i < n; i++) {
      stops[i] = json.get(3 + 2 * i).asDouble();
      outputs[i] = colourLiteral(compile(json.get(4 + 2 * i)));
    }
    return interpolation(input, base, stops, outputs);
  }

  static Expression interpolation(
      Expression input, double base, double[] stops, Expression[] outputs) {
    return ctx -> {
      double x = num(input.evaluate(ctx));
      int n = stops.length;
      if (x <= stops[0]) {
        return outputs[0].evaluate(ctx);
      }
      if (x >= stops[n - 1]) {
        return outputs[n - 1].evaluate(ctx);
      }
      int i = 0;
      while (x >= stops[i + 1]) {
        i++;
      }
      double t = factor(x, base, stops[i], stops[i + 1]);
      return blend(outputs[i].evaluate(ctx), outputs[i + 1].evaluate(ctx), t);
    };
  }

  /** The position between two stops, exponentially weighted when {@code base} ≠ 1 (as MapLibre). */
  private static double factor(double x, double base, double lo, double hi) {
    double span = hi - lo;
    double progress = x - lo;
    if (span == 0) {
      return 0;
    }
    if (base == 1) {
      return progress / span;
    }
    return (Math.pow(base, progress) - 1) / (Math.pow(base, span) - 1);
  }

  private static Object blend(Object a, Object b, double t) {
    if (a instanceof Double x && b instanceof Double y) {
      return x + (y - x) * t;
    }
    Rgba ca = toColor(a);
    Rgba cb = toColor(b);
    if (ca != null && cb != null) {
      return new Rgba(
          (int) Math.round(ca.r() + (cb.r() - ca.r()) * t),
          (int) Math.round(ca.g() + (cb.g() - ca.g()) * t),
          (int) Math.round(ca.b() + (cb.b() - ca.b()) * t),
          ca.a() + (cb.a() - ca.a()) * t);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      List<Object> out = new ArrayList<>(la.size());
      for (int i = 0; i < la.size(); i++) {
        out.add(blend(la.get(i), lb.get(i), t));
      }
      return out;
    }
    return t < 1 ? a : b;
  }

  private static Expression step(JsonNode json) {
    if (json.size() < 3 || json.size() % 2 != 1) {
      throw new ExpressionException(
          "[\"step\", input, output, stop, output, …] needs stop/output pairs");
    }
    Expression input = compile(json.get(1));
    int n = (json.size() - 3) / 2;
    double[] stops = new double[n];
    Expression[] outputs = new Expression[n + 1];
    outputs[0] = colourLiteral(compile(json.get(2)));
    for (int i = 0; i < n; i++) {
      stops[i] = json.get(3 + 2 * i).asDouble();
      outputs[i + 1] = colourLiteral(compile(json.get(4 + 2 * i)));
    }
    return stepping(input, stops, outputs);
  }

  static Expression stepping(Expression input, double[] stops, Expression[] outputs) {
    return ctx -> {
      double x = num(input.evaluate(ctx));
      int i = 0;
      while (i < stops.length && x >= stops[i]) {
        i++;
      }
      return outputs[i].evaluate(ctx);
    };
  }

  /** A string constant that is a colour becomes the colour now, not once per feature. */
  static Expression colourLiteral(Expression e) {
    if (e instanceof Expression.Constant c && c.value() instanceof String s) {
      Rgba colour = Colors.parse(s);
      if (colour != null) {
        return Expression.constant(colour);
      }
    }
    return e;
  }

  // --- values ---

  static Object literal(JsonNode json) {
    if (json.isNumber()) {
      return json.asDouble();
    } else if (json.isBoolean()) {
      return json.asBoolean();
    } else if (json.isTextual()) {
      return json.asText();
    } else if (json.isArray()) {
      List<Object> list = new ArrayList<>(json.size());
      json.forEach(v -> list.add(literal(v)));
      return List.copyOf(list);
    } else if (json.isObject()) {
      Map<String, Object> map = new HashMap<>();
      json.fields().forEachRemaining(e -> map.put(e.getKey(), literal(e.getValue())));
      return Map.copyOf(map);
    }
    return null;
  }

  /** Tile property values (Long, Float, …) as expression values (numbers are Doubles). */
  static Object normalise(Object v) {
    return v instanceof Number n && !(v instanceof Double) ? (Object) n.doubleValue() : v;
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  /** Comparison order, or MIN_VALUE when the two cannot be ordered. */
  @SuppressWarnings("unchecked")
  static int order(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    return Integer.MIN_VALUE;
  }

  static Double toNumber(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null; // not a number: to-number tries its next argument
      }
    }
    return null;
  }

  static double num(Object v) {
    Double d = toNumber(v);
    return d == null ? Double.NaN : d;
  }

  private static int byteOf(Object v) {
    return (int) Math.round(Math.max(0, Math.min(255, num(v))));
  }

  static String toText(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      // JavaScript prints 3.0 as "3"
      return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : d.toString();
    }
    if (v instanceof Rgba c) {
      return "rgba(" + c.r() + "," + c.g() + "," + c.b() + "," + c.a() + ")";
    }
    return v.toString();
  }

  static Rgba toColor(Object v) {
    if (v instanceof Rgba c) {
      return c;
    }
    return v instanceof String s ? Colors.parse(s) : null;
  }

  private static Expression[] rest(JsonNode json, int from) {
    if (json.size() <= from) {
      throw new ExpressionException("'" + json.get(0).asText() + "' needs arguments");
    }
    Expression[] out = new Expression[json.size() - from];
    for (int i = from; i < json.size(); i++) {
      out[i - from] = compile(json.get(i));
    }
    return out;
  }

  private static void arity(JsonNode json, int n) {
    if (json.size() != n + 1) {
      throw new ExpressionException(
          "'"
              + json.get(0).asText()
              + "' takes "
              + n
              + " argument(s), got "
              + (json.size() - 1)
              + ": "
              + abbreviate(json));
    }
  }

  static String abbreviate(JsonNode json) {
    String s = json.toString();
    return s.length() > 80 ? s.substring(0, 77) + "…" : s;
  }
}
