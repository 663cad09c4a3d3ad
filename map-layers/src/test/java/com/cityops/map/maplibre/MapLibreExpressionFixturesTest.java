package com.cityops.map.maplibre;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.style.Rgba;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The MapLibre repository's own expression fixtures (a hand-copied subset, see the README). */
class MapLibreExpressionFixturesTest {
  private static final Path DIR = Path.of("src/test/resources/maplibre/expression-tests");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      return files
          .filter(p -> p.getFileName().toString().equals("test.json"))
          .map(p -> DIR.relativize(p.getParent()).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void outputsMatchMapLibre(String name) throws IOException {
    JsonNode test = JSON.readTree(DIR.resolve(name).resolve("test.json").toFile());
    boolean colour = "color".equals(test.path("propertySpec").path("type").asText());
    Expression e = Expression.compile(test.get("expression"));
    if (colour) {
      e = ExpressionCompiler.colourLiteral(e);
    }
    JsonNode inputs = test.get("inputs");
    JsonNode outputs = test.path("expected").path("outputs");
    int checked = 0;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode globals = inputs.get(i).get(0);
      JsonNode feature = inputs.get(i).get(1);
      Map<String, Object> props = new HashMap<>();
      feature
          .path("properties")
          .fields()
          .forEachRemaining(f -> props.put(f.getKey(), ExpressionCompiler.literal(f.getValue())));
      Object actual =
          e.evaluate(
              new Expression.Context(
                  globals.path("zoom").asDouble(0),
                  props,
                  feature.path("geometry").path("type").asText(null),
                  null));
      JsonNode expected = outputs.get(i);
      String at = name + " input #" + i;
      if (expected.has("error")) {
        continue; // runtime type errors: not modelled, see the README
      }
      if (expected.isNumber()) {
        assertThat(Expression.number(actual, Double.NaN))
            .as(at)
            .isCloseTo(expected.asDouble(), Offset.offset(1e-5));
      } else if (colour) {
        Rgba c = Expression.color(actual);
        assertThat(c).as(at).isNotNull();
        double[] premultiplied = {
          c.r() / 255.0 * c.a(), c.g() / 255.0 * c.a(), c.b() / 255.0 * c.a(), c.a()
        };
        for (int ch = 0; ch < 4; ch++) {
          assertThat(premultiplied[ch])
              .as(at + " channel " + ch)
              .isCloseTo(expected.get(ch).asDouble(), Offset.offset(0.005));
        }
      } else {
        assertThat(actual).as(at).isEqualTo(ExpressionCompiler.literal(expected));
      }
      checked++;
    }
    assertThat(checked).as(name + " checks something").isPositive();
  }
}
