package com.cityops.app.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.Json;
import com.cityops.api.OperatingMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WallLayoutReaderTest {
  static Path walls() {
    return com.cityops.app.WallLayoutFiles.dir();
  }

  private static JsonSchema schema() throws Exception {
    String text = Files.readString(walls().resolve("wall-layout.schema.json"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"two-screens.json", "two-by-two.json", "two-pcs.json"})
  void theExamplesAreValidByTheSchemaAndByTheReader(String name) throws Exception {
    Path file = walls().resolve(name);
    JsonNode tree = Json.readTree(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(schema().validate(tree)).as("schema errors").isEmpty();
    ((ObjectNode) tree).put("colour", "red");
    assertThat(schema().validate(tree)).as("the schema checks something").isNotEmpty();
    ((ObjectNode) tree).remove("colour");
    WallLayout layout = WallLayoutReader.read(file);
    assertThat(layout.screens()).hasSize(layout.grid().columns() * layout.grid().rows());
    assertThat(layout.panels(OperatingMode.NORMAL)).isNotEmpty();
    assertThat(layout.panels(OperatingMode.EMERGENCY)).isNotEmpty();
  }

  @Test
  void readsTheTwoByTwoExample() {
    WallLayout layout = WallLayoutReader.read(walls().resolve("two-by-two.json"));
    assertThat(layout.name()).isEqualTo("指挥大厅 2×2");
    assertThat(layout.bezel()).isEqualTo(new WallLayout.Size(12, 12));
    WallLayout.Panel map = layout.panels(OperatingMode.NORMAL).get(1);
    assertThat(map.kind()).isEqualTo(PanelKind.MAP);
    assertThat(map.at()).isEqualTo(new WallLayout.Span(0, 0, 2, 2));
    assertThat(map.map().center()).containsExactly(121.47, 31.2);
    WallLayout.Panel indicators = layout.panels(OperatingMode.EMERGENCY).get(4);
    assertThat(indicators.domains()).containsExactly("FLOOD_CONTROL", "TRAFFIC", "HOTLINE");
    assertThat(indicators.at()).isEqualTo(new WallLayout.Span(1, 1, 1, 1));
  }

  private static ObjectNode example() throws Exception {
    return (ObjectNode)
        Json.readTree(Files.readString(walls().resolve("two-by-two.json"), StandardCharsets.UTF_8));
  }

  private static void refused(Consumer<ObjectNode> change, String... message) throws Exception {
    ObjectNode wall = example();
    change.accept(wall);
    assertThatThrownBy(() -> WallLayoutReader.parse(Json.write(wall), "wall.json"))
        .isInstanceOf(WallLayoutException.class)
        .hasMessageStartingWith("wall.json: ")
        .hasMessageContainingAll(message);
  }

  private static ArrayNode panels(ObjectNode wall, String mode) {
    return (ArrayNode) wall.get("modes").get(mode);
  }

  @Test
  void aWallIdIsTheFilesOrItsNameAndAPathSegment() throws Exception {
    assertThat(WallLayoutReader.read(walls().resolve("two-by-two.json")).id())
        .isEqualTo("hall-2x2");
    assertThat(WallLayoutReader.idFromFileName("/etc/cityops/大厅 2×2.json")).isEqualTo("2-2");
    assertThat(WallLayoutReader.idFromFileName("C:\\walls\\main_hall.json")).isEqualTo("main_hall");
    assertThat(WallLayoutReader.idFromFileName("墙.json")).isEqualTo("wall");
    refused(w -> w.put("id", "hall/../x"), "id: 'hall/../x' must be 1 to 64 letters");
  }

  @Test
  void refusesWhatWouldLeaveAScreenBlankOrOutsideTheWall() throws Exception {
    refused(
        w -> panels(w, "emergency").remove(2),
        "modes.emergency",
        "screen 'bottom-left' has no panel");
    refused(w -> ((ObjectNode) w.get("modes")).remove("emergency"), "no 'emergency' layout");
    refused(w -> ((ArrayNode) w.get("screens")).remove(3), "no screen at column 1, row 1");
    refused(
        w -> ((ObjectNode) w.get("screens").get(3)).put("column", 0),
        "screens[3]",
        "already screen 'bottom-left'");
    refused(
        w -> ((ObjectNode) panels(w, "normal").get(1).get("at")).put("columns", 3),
        "modes.normal[1].at.columns",
        "3 is outside 1…2");
    refused(
        w -> ((ObjectNode) w.get("screens").get(1)).put("display", 0),
        "screens[1].display",
        "given to two screens");
  }

  @Test
  void refusesWrongFieldsAndValuesWithWhereAndWhy() throws Exception {
    refused(w -> w.put("colour", "red"), "colour: unknown field");
    refused(
        w -> ((ObjectNode) panels(w, "normal").get(0)).put("kind", "video"),
        "unknown panel kind 'video'",
        "map, indicators");
    refused(
        w ->
            ((ObjectNode) panels(w, "normal").get(1))
                .putArray("area")
                .add(0.5)
                .add(0)
                .add(0.6)
                .add(1),
        "modes.normal[1].area",
        "x + width ≤ 1");
    refused(
        w -> ((ObjectNode) panels(w, "normal").get(1).get("map")).remove("zoom"),
        "'center' and 'zoom' go together");
    refused(
        w -> ((ObjectNode) panels(w, "normal").get(1).get("map")).put("zoom", 30),
        "modes.normal[1].map.zoom",
        "0 to 22");
    refused(
        w -> ((ArrayNode) panels(w, "emergency").get(4).get("domains")).add("weather"),
        "modes.emergency[4].domains[3]",
        "not a domain",
        "flood_control (防汛防台)");
    refused(
        w -> ((ObjectNode) panels(w, "emergency").get(0)).remove("text"),
        "modes.emergency[0].text",
        "required");
    refused(
        w -> ((ObjectNode) panels(w, "emergency").get(2)).putArray("domains").add("traffic"),
        "modes.emergency[2].domains",
        "only indicators panels");
    refused(w -> ((ObjectNode) w.get("screens").get(0)).put("id", "../x"), "screens[0].id");
    refused(w -> ((ObjectNode) w.get("grid")).put("rows", "2"), "grid.rows", "whole number");
  }

  @Test
  void refusesWhatIsNotJsonOrNotAnObject() {
    assertThatThrownBy(() -> WallLayoutReader.parse("", "wall.json"))
        .isInstanceOf(WallLayoutException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> WallLayoutReader.parse("[1]", "wall.json"))
        .hasMessage("wall.json: expected an object");
    assertThatThrownBy(() -> WallLayoutReader.read(Path.of("/nonexistent/wall.json")))
        .isInstanceOf(WallLayoutException.class)
        .hasMessageContaining("cannot read the wall layout /nonexistent/wall.json");
  }
}
