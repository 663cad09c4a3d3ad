package com.cityops.app.wall;

import com.cityops.api.IndicatorDomain;
import com.cityops.api.Json;
import com.cityops.api.OperatingMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a wall layout file ({@code docs/walls/wall-layout.schema.json}) and checks what a schema
 * cannot: screens fill the grid once each, spans stay inside it, every screen has a panel in both
 * modes (a wall never shows a blank screen). Every refusal is a {@link WallLayoutException} that
 * names the file, the place in it ({@code modes.emergency[1].at}) and what to change.
 */
public final class WallLayoutReader {
  static final int MAX_GRID = 16;
  private static final Pattern SCREEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Set<String> TOP =
      Set.of("$schema", "id", "name", "grid", "screenSize", "bezel", "screens", "modes");
  private static final Set<String> PANEL =
      Set.of("kind", "at", "area", "title", "map", "domains", "indicator", "text");

  private final String source;

  private WallLayoutReader(String source) {
    this.source = source;
  }

  public static WallLayout read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new WallLayoutException("cannot read the wall layout " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** {@code source} names the text in messages (the file). */
  public static WallLayout parse(String text, String source) {
    JsonNode root;
    try {
      root = Json.readTree(text);
    } catch (Json.MalformedJsonException e) {
      throw new WallLayoutException(source + ": not JSON: " + e.getMessage(), e);
    }
    return new WallLayoutReader(source).layout(root);
  }

  /** A file {@code 大厅 2×2.json} without an {@code id} is wall {@code 2-2}; a bare text, "wall". */
  static String idFromFileName(String source) {
    String stem = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    stem = stem.replaceFirst("\\.json$", "");
    String id = stem.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    id = id.length() > 64 ? id.substring(0, 64) : id;
    return id.isEmpty() ? "wall" : id;
  }

  private WallLayoutException problem(String path, String what) {
    return new WallLayoutException(source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
  }

  private WallLayout layout(JsonNode root) {
    object(root, "", TOP);
    String name = text(root, "name", "", true);
    String id = text(root, "id", "", false);
    if (id == null) {
      id = idFromFileName(source);
    } else if (!id.matches(com.cityops.api.WallScene.ID_PATTERN)) {
      throw problem("id", "'" + id + "' must be 1 to 64 letters, digits, '-' or '_'");
    }
    JsonNode gridNode = required(root, "grid", "");
    object(gridNode, "grid", Set.of("columns", "rows"));
    WallLayout.Grid grid =
        new WallLayout.Grid(
            integer(gridNode, "columns", "grid", 1, MAX_GRID, null),
            integer(gridNode, "rows", "grid", 1, MAX_GRID, null));
    WallLayout.Size screenSize = size(root.get("screenSize"), "screenSize", 320, 16384, 1920, 1080);
    WallLayout.Size bezel = size(root.get("bezel"), "bezel", 0, 1000, 0, 0);
    List<WallLayout.Screen> screens = screens(required(root, "screens", ""), grid);
    JsonNode modesNode = required(root, "modes", "");
    object(modesNode, "modes", Set.of("normal", "emergency"));
    Map<OperatingMode, List<WallLayout.Panel>> modes = new EnumMap<>(OperatingMode.class);
    for (OperatingMode mode : OperatingMode.values()) {
      String key = mode.name().toLowerCase(Locale.ROOT);
      String path = "modes." + key;
      JsonNode list = modesNode.get(key);
      if (list == null) {
        throw problem(
            "modes",
            "no '" + key + "' layout; a wall needs one for 平时 (normal) and one for 战时 (emergency)");
      }
      modes.put(mode, panels(list, path, grid, screens));
    }
    return new WallLayout(id, name, grid, screenSize, bezel, List.copyOf(screens), modes);
  }

  private List<WallLayout.Screen> screens(JsonNode list, WallLayout.Grid grid) {
    array(list, "screens");
    if (list.isEmpty()) {
      throw problem("screens", "no screens");
    }
    List<WallLayout.Screen> screens = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<Integer> displays = new HashSet<>();
    WallLayout.Screen[][] cells = new WallLayout.Screen[grid.columns()][grid.rows()];
    for (int i = 0; i < list.size(); i++) {
      String path = "screens[" + i + "]";
      JsonNode node = list.get(i);
      object(node, path, Set.of("id", "column", "row", "display"));
      String id = text(node, "id", path, true);
      if (!SCREEN_ID.matcher(id).matches()) {
        throw problem(path + ".id", "'" + id + "' must be 1–32 letters, digits, '-' or '_'");
      }
      if (!ids.add(id)) {
        throw problem(path + ".id", "a second screen '" + id + "'");
      }
      int column = integer(node, "column", path, 0, grid.columns() - 1, null);
      int row = integer(node, "row", path, 0, grid.rows() - 1, null);
      Integer display = optionalInteger(node, "display", path, 0, 255);
      if (display != null && !displays.add(display)) {
        throw problem(path + ".display", "display " + display + " is given to two screens");
      }
      if (cells[column][row] != null) {
        throw problem(
            path,
            "column "
                + column
                + ", row "
                + row
                + " is already screen '"
                + cells[column][row].id()
                + "'");
      }
      WallLayout.Screen screen = new WallLayout.Screen(id, column, row, display);
      cells[column][row] = screen;
      screens.add(screen);
    }
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        if (cells[c][r] == null) {
          throw problem(
              "screens",
              "no screen at column "
                  + c
                  + ", row "
                  + r
                  + " of the "
                  + grid.columns()
                  + "×"
                  + grid.rows()
                  + " grid");
        }
      }
    }
    return screens;
  }

  private List<WallLayout.Panel> panels(
      JsonNode list, String path, WallLayout.Grid grid, List<WallLayout.Screen> screens) {
    array(list, path);
    List<WallLayout.Panel> panels = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      panels.add(panel(list.get(i), path + "[" + i + "]", grid));
    }
    for (WallLayout.Screen screen : screens) {
      if (panels.stream().noneMatch(p -> p.at().covers(screen.column(), screen.row()))) {
        throw problem(
            path,
            "screen '"
                + screen.id()
                + "' has no panel: every screen needs one in every mode"
                + " (a wall never shows a blank screen)");
      }
    }
    return List.copyOf(panels);
  }

  private WallLayout.Panel panel(JsonNode node, String path, WallLayout.Grid grid) {
    object(node, path, PANEL);
    String kindName = text(node, "kind", path, true);
    PanelKind kind;
    try {
      kind = PanelKind.ofWireName(kindName);
    } catch (IllegalArgumentException e) {
      throw problem(path + ".kind", e.getMessage());
    }
    WallLayout.Span at = span(required(node, "at", path), path + ".at", grid);
    List<Double> area = area(node.get("area"), path + ".area");
    String title = text(node, "title", path, false);
    only(node, path, kind, "map", PanelKind.MAP);
    only(node, path, kind, "domains", PanelKind.INDICATORS);
    only(node, path, kind, "indicator", PanelKind.CHART);
    only(node, path, kind, "text", PanelKind.BANNER);
    WallLayout.MapPanel map =
        kind == PanelKind.MAP ? mapPanel(node.get("map"), path + ".map") : null;
    List<String> domains = domains(node.get("domains"), path + ".domains");
    String indicator = text(node, "indicator", path, kind == PanelKind.CHART);
    String text = text(node, "text", path, kind == PanelKind.BANNER);
    return new WallLayout.Panel(kind, at, area, title, map, domains, indicator, text);
  }

  private void only(JsonNode node, String path, PanelKind kind, String field, PanelKind owner) {
    if (node.has(field) && kind != owner) {
      throw problem(
          path + "." + field,
          "only " + owner.wireName() + " panels have it (this is " + kind.wireName() + ")");
    }
  }

  private WallLayout.Span span(JsonNode node, String path, WallLayout.Grid grid) {
    object(node, path, Set.of("column", "row", "columns", "rows"));
    int column = integer(node, "column", path, 0, grid.columns() - 1, null);
    int row = integer(node, "row", path, 0, grid.rows() - 1, null);
    int columns = integer(node, "columns", path, 1, grid.columns() - column, 1);
    int rows = integer(node, "rows", path, 1, grid.rows() - row, 1);
    return new WallLayout.Span(column, row, columns, rows);
  }

  private List<Double> area(JsonNode node, String path) {
    if (node == null) {
      return List.of(0.0, 0.0, 1.0, 1.0);
    }
    List<Double> values = numbers(node, path, 4);
    double x = values.get(0);
    double y = values.get(1);
    double w = values.get(2);
    double h = values.get(3);
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > 1.000001 || y + h > 1.000001) {
      throw problem(
          path,
          "[x, y, width, height] are fractions of the span: x, y ≥ 0, width and height > 0,"
              + " x + width ≤ 1, y + height ≤ 1");
    }
    return values;
  }

  private WallLayout.MapPanel mapPanel(JsonNode node, String path) {
    if (node == null) {
      return new WallLayout.MapPanel(null, null, false);
    }
    object(node, path, Set.of("center", "zoom", "followFocus"));
    List<Double> center =
        node.has("center") ? numbers(node.get("center"), path + ".center", 2) : null;
    if (center != null && (Math.abs(center.get(0)) > 180 || Math.abs(center.get(1)) > 85.05)) {
      throw problem(
          path + ".center", "[longitude, latitude] in degrees: |lon| ≤ 180, |lat| ≤ 85.05");
    }
    Double zoom = null;
    if (node.has("zoom")) {
      JsonNode z = node.get("zoom");
      if (!z.isNumber() || !(z.asDouble() >= 0 && z.asDouble() <= 22)) {
        throw problem(path + ".zoom", "a number from 0 to 22");
      }
      zoom = z.asDouble();
    }
    if ((center == null) != (zoom == null)) {
      throw problem(path, "'center' and 'zoom' go together (neither: the map frames the city)");
    }
    Boolean follow = null;
    if (node.has("followFocus")) {
      if (!node.get("followFocus").isBoolean()) {
        throw problem(path + ".followFocus", "true or false");
      }
      follow = node.get("followFocus").asBoolean();
    }
    return new WallLayout.MapPanel(center, zoom, follow);
  }

  private List<String> domains(JsonNode node, String path) {
    if (node == null) {
      return List.of();
    }
    array(node, path);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode d = node.get(i);
      String value = d.isTextual() ? d.asText() : null;
      IndicatorDomain domain = domain(value);
      if (domain == null) {
        List<String> known = new ArrayList<>();
        for (IndicatorDomain each : IndicatorDomain.values()) {
          known.add(each.name().toLowerCase(Locale.ROOT) + " (" + each.zhName() + ")");
        }
        throw problem(path + "[" + i + "]", "not a domain; one of " + String.join(", ", known));
      }
      names.add(domain.name());
    }
    return List.copyOf(names);
  }

  /** A domain by its name ({@code traffic}) or its Chinese name ({@code 交通}), or null. */
  static IndicatorDomain domain(String value) {
    if (value == null) {
      return null;
    }
    for (IndicatorDomain each : IndicatorDomain.values()) {
      if (each.name().equalsIgnoreCase(value) || each.zhName().equals(value)) {
        return each;
      }
    }
    return null;
  }

  // ---- tree helpers ---------------------------------------------------------------------------

  private void object(JsonNode node, String path, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw problem(path, "expected an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw problem(
            path.isEmpty() ? name : path + "." + name,
            "unknown field; allowed here: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private void array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw problem(path, "expected an array");
    }
  }

  private JsonNode required(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw problem(path.isEmpty() ? field : path + "." + field, "required");
    }
    return value;
  }

  private String text(JsonNode node, String field, String path, boolean required) {
    String at = path.isEmpty() ? field : path + "." + field;
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw problem(at, "required");
      }
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw problem(at, "expected a non-empty string");
    }
    return value.asText();
  }

  private int integer(JsonNode node, String field, String path, int min, int max, Integer absent) {
    String at = path.isEmpty() ? field : path + "." + field;
    JsonNode value = node.get(field);
    if (value == null && absent != null) {
      return absent;
    }
    if (value == null) {
      throw problem(at, "required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw problem(at, "expected a whole number from " + min + " to " + max);
    }
    int n = value.asInt();
    if (n < min || n > max) {
      throw problem(at, n + " is outside " + min + "…" + max);
    }
    return n;
  }

  private Integer optionalInteger(JsonNode node, String field, String path, int min, int max) {
    return node.has(field) ? integer(node, field, path, min, max, null) : null;
  }

  private WallLayout.Size size(
      JsonNode node, String path, int min, int max, int defaultWidth, int defaultHeight) {
    if (node == null) {
      return new WallLayout.Size(defaultWidth, defaultHeight);
    }
    object(node, path, Set.of("width", "height"));
    return new WallLayout.Size(
        integer(node, "width", path, min, max, null),
        integer(node, "height", path, min, max, null));
  }

  private List<Double> numbers(JsonNode node, String path, int count) {
    array(node, path);
    if (node.size() != count) {
      throw problem(path, "expected " + count + " numbers, got " + node.size() + " values");
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode n = node.get(i);
      if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
        throw problem(path + "[" + i + "]", "expected a number");
      }
      values.add(n.asDouble());
    }
    return List.copyOf(values);
  }
}
