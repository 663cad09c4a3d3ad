package com.cityops.map.style;

import com.cityops.map.geo.Crs;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A style file: the map's layers configured in compact JSON instead of code (format in {@code
 * docs/map-style-format.md}). Reading stops at the first value that cannot be used, with a {@link
 * StyleFileException} naming its JSON path; keys the format does not know are collected in {@link
 * #warnings()} so a typo is visible without breaking the map. Immutable once read.
 */
public record StyleFile(List<LayerSpec> layers, List<String> warnings) {
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final String[] SYMBOLIZER_KEYS = {
    "fill", "stroke", "marker", "icon", "label", "heatmap"
  };
  private static final Rgba ICON_FALLBACK_FILL = Rgba.hex("#64748b");
  private static final Rgba ICON_FALLBACK_EDGE = Rgba.hex("#ffffff");
  private static final Rgba LABEL_COLOUR = Rgba.hex("#111827");

  /**
   * Stands for a colour left out of a classified template, found by identity (never compared by
   * value: a real transparent black must not be mistaken for it).
   */
  private static final Rgba RAMP_COLOUR = new Rgba(0, 0, 0, 0);

  public StyleFile {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  /** The layer with this id. */
  public LayerSpec layer(String id) {
    return layers.stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no layer '"
                        + id
                        + "' in the style file; it has "
                        + layers.stream().map(LayerSpec::id).toList()));
  }

  public static StyleFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StyleFileException("", "cannot read style file " + file + ": " + e, e);
    }
    try {
      return parse(text);
    } catch (StyleFileException e) {
      throw e.inFile(file);
    }
  }

  public static StyleFile parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StyleFileException("", "not valid JSON: " + e.getOriginalMessage() + location(e));
    }
    // Jackson answers empty input with a MissingNode instead of an error.
    if (root == null || root.isMissingNode()) {
      throw new StyleFileException("", "the style file is empty; expected a JSON object");
    }
    Reader reader = new Reader();
    List<LayerSpec> layers = reader.document(new At(root, ""));
    return new StyleFile(layers, reader.warnings);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** A value and where it sits in the document. */
  private record At(JsonNode node, String path) {
    At field(String key) {
      return new At(node.get(key), path.isEmpty() ? key : path + "." + key);
    }

    At index(int i) {
      return new At(node.get(i), path + "[" + i + "]");
    }

    boolean present() {
      return node != null && !node.isNull();
    }

    StyleFileException fail(String expected) {
      String got = present() ? node.toString() : "nothing";
      return new StyleFileException(path, "expected " + expected + ", got " + got);
    }
  }

  /** One pass over a document; collects warnings. */
  private static final class Reader {
    final List<String> warnings = new ArrayList<>();

    List<LayerSpec> document(At root) {
      object(root, "an object with \"layers\"", "version", "layers");
      At version = root.field("version");
      if (version.present() && !(version.node().isInt() && version.node().intValue() == VERSION)) {
        throw version.fail("version " + VERSION);
      }
      At layers = root.field("layers");
      if (!layers.present() || !layers.node().isArray()) {
        throw layers.fail("an array of layers");
      }
      List<LayerSpec> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < layers.node().size(); i++) {
        LayerSpec layer = layer(layers.index(i));
        if (!ids.add(layer.id())) {
          throw new StyleFileException(
              layers.index(i).field("id").path(),
              "layer id \"" + layer.id() + "\" is used twice; ids must be unique");
        }
        out.add(layer);
      }
      return out;
    }

    LayerSpec layer(At at) {
      object(
          at,
          "a layer object",
          "id",
          "title",
          "source",
          "visible",
          "opacity",
          "minZoom",
          "maxZoom",
          "clusterBelowZoom",
          "attribution",
          "renderer");
      String id = text(at.field("id"));
      double minZoom = number(at.field("minZoom"), 0, 0, 99);
      double maxZoom = number(at.field("maxZoom"), 99, 0, 99);
      if (minZoom >= maxZoom) {
        throw at.field("maxZoom").fail("a zoom above minZoom (" + minZoom + ")");
      }
      At cluster = at.field("clusterBelowZoom");
      return new LayerSpec(
          id,
          optionalText(at.field("title"), id),
          source(at.field("source")),
          bool(at.field("visible"), true),
          number(at.field("opacity"), 1, 0, 1),
          minZoom,
          maxZoom,
          cluster.present() ? number(cluster, 0, 0, 99) : Double.NEGATIVE_INFINITY,
          optionalText(at.field("attribution"), null),
          renderer(at.field("renderer")));
    }

    SourceSpec source(At at) {
      object(at, "a source object with \"type\"", "type", "path", "crs", "layer");
      At crs = at.field("crs");
      String code = optionalText(crs, Crs.WGS84.code());
      try {
        Crs.ofCode(code);
      } catch (IllegalArgumentException e) {
        throw new StyleFileException(crs.path(), e.getMessage(), e);
      }
      return new SourceSpec(
          text(at.field("type")),
          optionalText(at.field("path"), null),
          code,
          optionalText(at.field("layer"), null));
    }

    RendererSpec renderer(At at) {
      if (!at.present() || !at.node().isObject()) {
        throw at.fail("a renderer object with \"type\": simple, categorized or graduated");
      }
      String type = text(at.field("type"));
      return switch (type) {
        case "simple" -> simple(at);
        case "categorized" -> categorized(at);
        case "graduated" -> graduated(at);
        default -> throw at.field("type").fail("\"simple\", \"categorized\" or \"graduated\"");
      };
    }

    RendererSpec simple(At at) {
      At rules = at.field("rules");
      if (!rules.present()) {
        known(at, ruleKeys("type"));
        return new RendererSpec.Simple(List.of(rule(at, null, Filter.ALL, false)));
      }
      known(at, "type", "rules");
      if (!rules.node().isArray() || rules.node().isEmpty()) {
        throw rules.fail("a non-empty array of rules");
      }
      List<Rule> out = new ArrayList<>();
      for (int i = 0; i < rules.node().size(); i++) {
        At r = rules.index(i);
        object(r, "a rule object", ruleKeys());
        out.add(rule(r, null, Filter.ALL, false));
      }
      return new RendererSpec.Simple(out);
    }

    RendererSpec categorized(At at) {
      known(at, "type", "attribute", "categories", "default");
      String attribute = text(at.field("attribute"));
      At categories = at.field("categories");
      if (!categories.present() || !categories.node().isObject() || categories.node().isEmpty()) {
        throw categories.fail("an object of value → rule, e.g. {\"1\": {\"fill\": …}}");
      }
      Map<String, Rule> rules = new LinkedHashMap<>();
      for (Iterator<String> keys = categories.node().fieldNames(); keys.hasNext(); ) {
        String value = keys.next();
        At c = categories.field(value);
        object(c, "a rule object", ruleKeys());
        rules.put(value, rule(c, value, Filter.in(attribute, value), false));
      }
      At fallback = at.field("default");
      Rule defaultRule = null;
      if (fallback.present()) {
        object(fallback, "a rule object", ruleKeys());
        defaultRule = rule(fallback, null, Filter.notIn(attribute, rules.keySet()), false);
      }
      return new RendererSpec.Categorized(attribute, rules, defaultRule);
    }

    RendererSpec graduated(At at) {
      String attribute = text(at.field("attribute"));
      At classes = at.field("classes");
      if (classes.present() && classes.node().isArray()) {
        known(at, "type", "attribute", "classes");
        if (classes.node().isEmpty()) {
          throw classes.fail("at least one class");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < classes.node().size(); i++) {
          At c = classes.index(i);
          object(c, "a class object with \"min\" and \"max\"", ruleKeys("min", "max"));
          double min = number(c.field("min"), Double.NaN, -Double.MAX_VALUE, Double.MAX_VALUE);
          double max = number(c.field("max"), Double.NaN, -Double.MAX_VALUE, Double.MAX_VALUE);
          if (!(max > min)) {
            throw c.field("max").fail("a number above min (" + Classification.number(min) + ")");
          }
          String title = Classification.title(min, max);
          rules.add(rule(c, title, Filter.range(attribute, min, max), false));
        }
        return new RendererSpec.Graduated(attribute, rules);
      }
      known(at, ruleKeys("type", "attribute", "classes", "method", "ramp"));
      if (!classes.present()
          || !classes.node().canConvertToInt()
          || classes.node().intValue() < 1) {
        throw classes.fail(
            "an array of classes ({\"min\":…, \"max\":…, …}) or a number of classes ≥ 1");
      }
      if (!classes.node().isIntegralNumber()) {
        throw classes.fail("a whole number of classes");
      }
      At method = at.field("method");
      Classification.Method m =
          switch (optionalText(method, "equalInterval")) {
            case "equalInterval" -> Classification.Method.EQUAL_INTERVAL;
            case "quantile" -> Classification.Method.QUANTILE;
            default -> throw method.fail("\"equalInterval\" or \"quantile\"");
          };
      List<Rgba> stops = ramp(at.field("ramp"), "e.g. [\"#fef3c7\", \"#b91c1c\"]");
      Rule template = rule(at, null, Filter.ALL, true);
      requireColoursOutsideTheRampTarget(at, template.symbolizers());
      return new RendererSpec.Classified(
          attribute,
          classes.node().intValue(),
          m,
          stops,
          template.symbolizers(),
          template.minZoom(),
          template.maxZoom());
    }

    /**
     * A rule from an object holding title, zoom range and symbolizers (in the order written).
     * {@code template}: colours may be left out, the classification supplies them.
     */
    Rule rule(At at, String defaultTitle, Filter filter, boolean template) {
      double minZoom = number(at.field("minZoom"), 0, 0, 99);
      double maxZoom = number(at.field("maxZoom"), 99, 0, 99);
      if (minZoom >= maxZoom) {
        throw at.field("maxZoom").fail("a zoom above minZoom (" + minZoom + ")");
      }
      List<Symbolizer> symbolizers = new ArrayList<>();
      for (Iterator<String> keys = at.node().fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!List.of(SYMBOLIZER_KEYS).contains(key)) {
          continue;
        }
        At s = at.field(key);
        if (s.node().isArray()) {
          for (int i = 0; i < s.node().size(); i++) {
            symbolizers.add(symbolizer(key, s.index(i), template));
          }
        } else {
          symbolizers.add(symbolizer(key, s, template));
        }
      }
      if (symbolizers.isEmpty() && !template) {
        throw at.fail("a rule with at least one of fill, stroke, marker, icon, label, heatmap");
      }
      return new Rule(
          optionalText(at.field("title"), defaultTitle), filter, minZoom, maxZoom, symbolizers);
    }

    Symbolizer symbolizer(String kind, At at, boolean template) {
      return switch (kind) {
        case "fill" -> {
          object(at, "a fill object", "color");
          yield new Symbolizer.Fill(colour(at.field("color"), template));
        }
        case "stroke" -> {
          object(at, "a stroke object", "color", "width");
          yield new Symbolizer.Stroke(
              colour(at.field("color"), template),
              number(at.field("width"), 1, 0, Double.MAX_VALUE));
        }
        case "marker" -> marker(at, template);
        case "icon" -> {
          object(at, "an icon object", "href", "size", "fallback");
          double size = number(at.field("size"), 16, 0, Double.MAX_VALUE);
          At fallback = at.field("fallback");
          Symbolizer.Marker marker =
              fallback.present()
                  ? marker(fallback, false)
                  : new Symbolizer.Marker(
                      Symbolizer.Shape.CIRCLE, size, ICON_FALLBACK_FILL, ICON_FALLBACK_EDGE);
          yield new Symbolizer.Icon(text(at.field("href")), size, marker);
        }
        case "label" -> {
          object(at, "a label object", "attribute", "size", "color", "halo", "priority");
          At colour = at.field("color");
          At halo = at.field("halo");
          At priority = at.field("priority");
          if (priority.present() && !priority.node().canConvertToExactIntegral()) {
            throw priority.fail("a whole number (smaller wins)");
          }
          yield new Symbolizer.Label(
              text(at.field("attribute")),
              number(at.field("size"), 12, 0, Double.MAX_VALUE),
              colour.present() ? colour(colour) : LABEL_COLOUR,
              halo.present() ? colour(halo) : null,
              priority.present() ? priority.node().intValue() : 0);
        }
        case "heatmap" -> {
          object(at, "a heatmap object", "radius", "weight", "ramp", "max");
          List<Rgba> stops = ramp(at.field("ramp"), "low to high density");
          At weight = at.field("weight");
          yield new Symbolizer.Heatmap(
              number(at.field("radius"), 24, 1, 500),
              weight.present() ? text(weight) : null,
              stops,
              number(at.field("max"), 0, 0, Double.MAX_VALUE));
        }
        default -> throw new IllegalStateException("unhandled symbolizer key " + kind);
      };
    }

    /** A colour ramp: an array of two or more colours ({@code hint} says what they mean). */
    List<Rgba> ramp(At ramp, String hint) {
      if (!ramp.present() || !ramp.node().isArray() || ramp.node().size() < 2) {
        throw ramp.fail("an array of 2 or more colours, " + hint);
      }
      List<Rgba> stops = new ArrayList<>();
      for (int i = 0; i < ramp.node().size(); i++) {
        stops.add(colour(ramp.index(i)));
      }
      return stops;
    }

    Symbolizer.Marker marker(At at, boolean template) {
      object(at, "a marker object", "shape", "size", "fill", "stroke");
      At shape = at.field("shape");
      Symbolizer.Shape s;
      try {
        s = Symbolizer.Shape.valueOf(optionalText(shape, "circle").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new StyleFileException(
            shape.path(),
            "expected \"circle\", \"square\", \"triangle\" or \"diamond\", got " + shape.node(),
            e);
      }
      At stroke = at.field("stroke");
      return new Symbolizer.Marker(
          s,
          number(at.field("size"), 8, 0, Double.MAX_VALUE),
          colour(at.field("fill"), template),
          stroke.present() ? colour(stroke) : null);
    }

    /**
     * Only the symbolizer the ramp colours (first fill or marker, else first stroke) may leave its
     * colour out; anything else would silently draw in the placeholder.
     */
    void requireColoursOutsideTheRampTarget(At at, List<Symbolizer> template) {
      int target = -1;
      for (int i = 0; i < template.size() && target < 0; i++) {
        if (template.get(i) instanceof Symbolizer.Fill
            || template.get(i) instanceof Symbolizer.Marker) {
          target = i;
        }
      }
      for (int i = 0; i < template.size() && target < 0; i++) {
        if (template.get(i) instanceof Symbolizer.Stroke) {
          target = i;
        }
      }
      for (int i = 0; i < template.size(); i++) {
        Symbolizer s = template.get(i);
        boolean leftOut =
            s instanceof Symbolizer.Fill f && f.color() == RAMP_COLOUR
                || s instanceof Symbolizer.Stroke st && st.color() == RAMP_COLOUR
                || s instanceof Symbolizer.Marker m && m.fill() == RAMP_COLOUR;
        if (leftOut && i != target) {
          throw new StyleFileException(
              at.path(),
              "only the first fill or marker (or, without either, the first stroke) takes the"
                  + " ramp's colour and may leave \"color\" out; give the others a colour");
        }
      }
    }

    /** A required colour, or (template) an optional one the ramp will replace. */
    Rgba colour(At at, boolean template) {
      return template && !at.present() ? RAMP_COLOUR : colour(at);
    }

    Rgba colour(At at) {
      if (!at.present() || !at.node().isTextual() || !at.node().textValue().startsWith("#")) {
        throw at.fail("a colour \"#rrggbb\" or \"#rrggbbaa\"");
      }
      String text = at.node().textValue();
      if (text.length() != 7 && text.length() != 9) {
        throw at.fail("a colour \"#rrggbb\" or \"#rrggbbaa\"");
      }
      try {
        return Rgba.hex(text);
      } catch (IllegalArgumentException e) {
        throw new StyleFileException(
            at.path(), "expected a colour \"#rrggbb\" or \"#rrggbbaa\", got " + at.node(), e);
      }
    }

    String text(At at) {
      if (!at.present() || !at.node().isTextual() || at.node().textValue().isBlank()) {
        throw at.fail("a non-empty string");
      }
      return at.node().textValue();
    }

    String optionalText(At at, String fallback) {
      return at.present() ? text(at) : fallback;
    }

    boolean bool(At at, boolean fallback) {
      if (!at.present()) {
        return fallback;
      }
      if (!at.node().isBoolean()) {
        throw at.fail("true or false");
      }
      return at.node().booleanValue();
    }

    /** A number in [min, max]; {@code fallback} NaN means required. */
    double number(At at, double fallback, double min, double max) {
      if (!at.present() && !Double.isNaN(fallback)) {
        return fallback;
      }
      if (!at.present() || !at.node().isNumber()) {
        throw at.fail(range(min, max));
      }
      double v = at.node().doubleValue();
      if (!(v >= min && v <= max)) {
        throw at.fail(range(min, max));
      }
      return v;
    }

    private static String range(double min, double max) {
      if (min == -Double.MAX_VALUE) {
        return "a number";
      }
      if (max == Double.MAX_VALUE) {
        return "a number ≥ " + Classification.number(min);
      }
      return "a number between "
          + Classification.number(min)
          + " and "
          + Classification.number(max);
    }

    void object(At at, String expected, String... keys) {
      if (!at.present() || !at.node().isObject()) {
        throw at.fail(expected);
      }
      known(at, keys);
    }

    void known(At at, String... keys) {
      List<String> allowed = List.of(keys);
      for (Iterator<String> names = at.node().fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          warnings.add(
              at.field(name).path() + ": unknown key, ignored (known here: " + allowed + ")");
        }
      }
    }

    private static String[] ruleKeys(String... extra) {
      List<String> keys =
          new ArrayList<>(List.of("title", "minZoom", "maxZoom", "fill", "stroke", "marker"));
      keys.addAll(List.of("icon", "label", "heatmap"));
      keys.addAll(List.of(extra));
      return keys.toArray(String[]::new);
    }
  }
}
