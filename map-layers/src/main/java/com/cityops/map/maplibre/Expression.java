package com.cityops.map.maplibre;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A compiled MapLibre style expression (or a legacy filter or function, converted): compiled once
 * when the style is read, evaluated per feature and zoom without parsing. Values are null, Boolean,
 * Double, String, {@link com.cityops.map.style.Rgba} or List.
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface Expression {
  Object evaluate(Context context);

  /**
   * What an expression can see: the zoom, the feature's properties, its geometry type ({@code
   * Point}, {@code LineString}, {@code Polygon}) and id (null when none).
   */
  record Context(double zoom, Map<String, Object> properties, String geometryType, Object id) {
    public static Context zoom(double zoom) {
      return new Context(zoom, Map.of(), null, null);
    }
  }

  /** Compiles an expression; throws {@link ExpressionException} naming what is not understood. */
  static Expression compile(JsonNode json) {
    return ExpressionCompiler.compile(json);
  }

  /** A result as a colour (colour strings are parsed), or null. */
  static com.cityops.map.style.Rgba color(Object value) {
    return ExpressionCompiler.toColor(value);
  }

  /** A result as a number, or {@code fallback} when it is none. */
  static double number(Object value, double fallback) {
    Double d = ExpressionCompiler.toNumber(value);
    return d == null || d.isNaN() ? fallback : d;
  }

  /** A result as text, the way {@code to-string} writes it. */
  static String text(Object value) {
    return ExpressionCompiler.toText(value);
  }

  static Expression constant(Object value) {
    return new Constant(value);
  }

  /** A value known when the style is read. */
  record Constant(Object value) implements Expression {
    @Override
    public Object evaluate(Context context) {
      return value;
    }
  }
}
