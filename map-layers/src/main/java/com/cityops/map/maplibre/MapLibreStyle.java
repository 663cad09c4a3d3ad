package com.cityops.map.maplibre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A MapLibre style (spec v8) as far as CityOps draws it: sources, and layers of type background,
 * fill, line, circle, symbol and raster with zoom range, filter (expression or legacy syntax) and
 * layout/paint properties compiled to {@link Expression}s, defaults from {@link StyleSpec}. What is
 * left out — other layer types, properties CityOps does not draw, unsupported expressions — is in
 * {@link #problems()}, once each, and the rest renders. Immutable after reading; thread-safe.
 */
public record MapLibreStyle(
    String name,
    String sprite,
    String glyphs,
    Map<String, Source> sources,
    List<Layer> layers,
    StyleProblems problems) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The properties each layer type draws; others found in a style are reported. */
  private static final Map<Layer.Type, Set<String>> DRAWN =
      Map.of(
          Layer.Type.BACKGROUND, Set.of("background-color", "background-opacity"),
          Layer.Type.FILL,
              Set.of("fill-color", "fill-opacity", "fill-outline-color", "fill-antialias"),
          Layer.Type.LINE,
              Set.of(
                  "line-color",
                  "line-width",
                  "line-opacity",
                  "line-cap",
                  "line-join",
                  "line-dasharray"),
          Layer.Type.CIRCLE,
              Set.of(
                  "circle-radius",
                  "circle-color",
                  "circle-opacity",
                  "circle-stroke-width",
                  "circle-stroke-color"),
          Layer.Type.SYMBOL,
              Set.of(
                  "text-field",
                  "text-size",
                  "text-color",
                  "text-halo-color",
                  "text-halo-width",
                  "text-opacity",
                  "text-offset",
                  "icon-image",
                  "icon-size"),
          Layer.Type.RASTER, Set.of("raster-opacity"));

  public MapLibreStyle {
    sources = Map.copyOf(sources);
    layers = List.copyOf(layers);
  }

  /** A source, parsed not fetched; {@code data} is a GeoJSON source's inline data or URL. */
  public record Source(
      String id,
      String type,
      String url,
      List<String> tiles,
      double minzoom,
      double maxzoom,
      int tileSize,
      String attribution,
      JsonNode data) {
    public Source {
      tiles = List.copyOf(tiles);
    }
  }

  /**
   * One style layer. {@code filter} is null when the layer takes every feature; properties not set
   * in the style are absent from the maps and come from the spec's defaults via {@link #property}.
   */
  public record Layer(
      String id,
      Type type,
      String source,
      String sourceLayer,
      double minzoom,
      double maxzoom,
      Expression filter,
      Map<String, Expression> layout,
      Map<String, Expression> paint) {
    public Layer {
      layout = Map.copyOf(layout);
      paint = Map.copyOf(paint);
    }

    public enum Type {
      BACKGROUND,
      FILL,
      LINE,
      CIRCLE,
      SYMBOL,
      RASTER;

      String specName() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    /** Whether the layer is shown at {@code zoom} (minzoom inclusive, maxzoom exclusive). */
    public boolean visibleAt(double zoom) {
      return zoom >= minzoom && zoom < maxzoom;
    }

    /**
     * The property's expression from the style, else its default from the spec as a constant (null
     * constant when the spec has no default).
     */
    public Expression property(String group, String name) {
      Expression set = (group.equals("paint") ? paint : layout).get(name);
      if (set != null) {
        return set;
      }
      StyleSpec.Property spec = StyleSpec.v8().property(type.specName(), group, name);
      return Expression.constant(spec == null ? null : spec.defaultValue());
    }
  }

  /**
   * This style without the layers of {@code ids} — what MapLibre apps do with {@code visibility:
   * none} when their own overlay shows the same thing better.
   */
  public MapLibreStyle withoutLayers(Set<String> ids) {
    List<Layer> kept = layers.stream().filter(l -> !ids.contains(l.id())).toList();
    return new MapLibreStyle(name, sprite, glyphs, sources, kept, problems);
  }

  public static MapLibreStyle read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read MapLibre style " + file, e);
    }
  }

  public static MapLibreStyle parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MapLibreStyleException("MapLibre style is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MapLibreStyleException("MapLibre style must be a JSON object");
    }
    if (root.path("version").asInt(-1) != 8) {
      throw new MapLibreStyleException(
          "MapLibre style has version " + root.path("version") + "; only version 8 exists");
    }
    if (!root.path("layers").isArray()) {
      throw new MapLibreStyleException("MapLibre style has no 'layers' array");
    }
    StyleProblems problems = new StyleProblems();
    Map<String, Source> sources = new LinkedHashMap<>();
    root.path("sources")
        .fields()
        .forEachRemaining(
            e -> {
              Source source = source(e.getKey(), e.getValue());
              if (!Set.of("vector", "raster", "geojson").contains(source.type())) {
                problems.report(
                    "(source " + e.getKey() + ")",
                    "type '" + source.type() + "'",
                    "only vector, raster and geojson sources are read");
              }
              sources.put(e.getKey(), source);
            });
    List<Layer> layers = new ArrayList<>();
    JsonNode layerArray = root.get("layers");
    for (int i = 0; i < layerArray.size(); i++) {
      Layer layer = layer(layerArray.get(i), i, sources, problems);
      if (layer != null) {
        layers.add(layer);
      }
    }
    return new MapLibreStyle(
        root.path("name").asText(null),
        sprite(root.get("sprite")),
        root.path("glyphs").asText(null),
        sources,
        layers,
        problems);
  }

  /** A sprite is a URL or a list of {id, url}; the default (or first) URL is recorded. */
  private static String sprite(JsonNode sprite) {
    if (sprite == null || sprite.isNull()) {
      return null;
    }
    if (sprite.isArray()) {
      for (JsonNode s : sprite) {
        if ("default".equals(s.path("id").asText())) {
          return s.path("url").asText(null);
        }
      }
      return sprite.path(0).path("url").asText(null);
    }
    return sprite.asText(null);
  }

  private static Source source(String id, JsonNode s) {
    List<String> tiles = new ArrayList<>();
    s.path("tiles").forEach(t -> tiles.add(t.asText()));
    return new Source(
        id,
        s.path("type").asText(""),
        s.path("url").asText(null),
        tiles,
        s.path("minzoom").asDouble(0),
        s.path("maxzoom").asDouble(22),
        s.path("tileSize").asInt(512),
        s.path("attribution").asText(null),
        s.get("data"));
  }

  private static Layer layer(
      JsonNode json, int index, Map<String, Source> sources, StyleProblems problems) {
    String id = json.path("id").asText("#" + index);
    if (!json.has("id")) {
      problems.report(id, "id", "a layer must have an id; layer #" + index + " is left out");
      return null;
    }
    if (json.has("ref")) {
      problems.report(id, "ref", "'ref' layers were removed in style spec v8; left out");
      return null;
    }
    String typeName = json.path("type").asText("");
    Layer.Type type;
    try {
      type = Layer.Type.valueOf(typeName.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.report(
          id,
          "type '" + typeName + "'",
          "CityOps draws background, fill, line, circle, symbol and raster layers; left out");
      return null;
    }
    String source = json.path("source").asText(null);
    if (type != Layer.Type.BACKGROUND && (source == null || !sources.containsKey(source))) {
      problems.report(id, "source '" + source + "'", "no such source in the style; left out");
      return null;
    }
    if ("none".equals(json.path("layout").path("visibility").asText())) {
      return null; // hidden by the style's author: not a problem
    }
    Expression filter = null;
    if (json.has("filter")) {
      try {
        filter = Legacy.filter(json.get("filter"));
      } catch (ExpressionException e) {
        // Drawing everything would be wrong; leaving the layer out is the safe side.
        problems.report(id, "filter", e.getMessage() + "; layer left out");
        return null;
      }
    }
    Map<String, Expression> layout = properties(id, type, "layout", json.path("layout"), problems);
    Map<String, Expression> paint = properties(id, type, "paint", json.path("paint"), problems);
    return new Layer(
        id,
        type,
        source,
        json.path("source-layer").asText(null),
        json.path("minzoom").asDouble(0),
        json.path("maxzoom").asDouble(24),
        filter,
        layout,
        paint);
  }

  private static Map<String, Expression> properties(
      String id, Layer.Type type, String group, JsonNode json, StyleProblems problems) {
    Map<String, Expression> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("visibility")) {
        continue;
      }
      StyleSpec.Property spec = StyleSpec.v8().property(type.specName(), group, name);
      if (spec == null) {
        problems.report(
            id,
            group + " '" + name + "'",
            "not a " + group + " property of " + type.specName() + " layers in style spec v8");
        continue;
      }
      if (!DRAWN.get(type).contains(name)) {
        problems.report(id, group + " '" + name + "'", "not drawn by CityOps yet; left out");
        continue;
      }
      try {
        out.put(name, value(field.getValue(), spec));
      } catch (ExpressionException e) {
        problems.report(id, group + " '" + name + "'", e.getMessage() + "; the default is used");
      }
    }
    return out;
  }

  private static Expression value(JsonNode v, StyleSpec.Property spec) {
    if (v.isObject()) {
      return Legacy.function(v, spec.type());
    }
    if (ExpressionCompiler.isExpression(v)) {
      Expression e = ExpressionCompiler.compile(v);
      return spec.isColor() ? ExpressionCompiler.colourLiteral(e) : e;
    }
    Object literal = ExpressionCompiler.literal(v);
    if (spec.isColor() && literal instanceof String s) {
      Object colour = Colors.parse(s);
      if (colour == null) {
        throw new ExpressionException("'" + s + "' is not a colour");
      }
      return Expression.constant(colour);
    }
    if (spec.type().equals("formatted") || spec.type().equals("string")) {
      if (literal instanceof String s && s.contains("{")) {
        return tokens(s);
      }
    }
    return Expression.constant(literal);
  }

  /** Legacy {@code "{name}"} token strings in text-field, split once into parts. */
  private static Expression tokens(String s) {
    List<Expression> parts = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf('{', i);
      int close = open < 0 ? -1 : s.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.add(Expression.constant(s.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(Expression.constant(s.substring(i, open)));
      }
      String key = s.substring(open + 1, close);
      parts.add(ctx -> ExpressionCompiler.toText(ctx.properties().get(key)));
      i = close + 1;
    }
    Expression[] a = parts.toArray(Expression[]::new);
    return ctx -> {
      StringBuilder sb = new StringBuilder();
      for (Expression e : a) {
        sb.append(e.evaluate(ctx));
      }
      return sb.toString();
    };
  }
}
