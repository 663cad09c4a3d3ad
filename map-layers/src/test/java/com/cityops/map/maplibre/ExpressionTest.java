package com.cityops.map.maplibre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.style.Rgba;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of the expression evaluator, written from the MapLibre style-spec documentation: the
 * npm package ({@code @maplibre/maplibre-gl-style-spec} 26.11.0) does not ship the repository's
 * {@code test/integration/expression} fixtures.
 */
class ExpressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> PROPS =
      Map.of("class", "park", "rank", 3L, "area", 2.5f, "name", "外滩", "n", "12", "flag", true);

  static Stream<Arguments> cases() {
    return Stream.of(
        // literals and lookups
        Arguments.of("3", 12, 3.0),
        Arguments.of("\"x\"", 12, "x"),
        Arguments.of("[\"literal\", [1, 2]]", 12, java.util.List.of(1.0, 2.0)),
        Arguments.of("[\"get\", \"class\"]", 12, "park"),
        Arguments.of("[\"get\", \"rank\"]", 12, 3.0),
        Arguments.of("[\"get\", \"missing\"]", 12, null),
        Arguments.of("[\"has\", \"rank\"]", 12, true),
        Arguments.of("[\"has\", \"missing\"]", 12, false),
        Arguments.of("[\"geometry-type\"]", 12, "Polygon"),
        Arguments.of("[\"id\"]", 12, 7.0),
        Arguments.of("[\"zoom\"]", 12.5, 12.5),
        // comparisons and logic
        Arguments.of("[\"==\", [\"get\", \"rank\"], 3]", 12, true),
        Arguments.of("[\"!=\", [\"get\", \"class\"], \"park\"]", 12, false),
        Arguments.of("[\"<\", [\"get\", \"area\"], 3]", 12, true),
        Arguments.of("[\"<=\", 3, [\"get\", \"rank\"]]", 12, true),
        Arguments.of("[\">\", \"b\", \"a\"]", 12, true),
        Arguments.of("[\">=\", [\"get\", \"class\"], 3]", 12, false),
        Arguments.of("[\"all\", true, [\"has\", \"rank\"]]", 12, true),
        Arguments.of("[\"all\", true, false]", 12, false),
        Arguments.of("[\"any\", false, [\"get\", \"flag\"]]", 12, true),
        Arguments.of("[\"!\", [\"has\", \"rank\"]]", 12, false),
        Arguments.of(
            "[\"in\", [\"get\", \"class\"], [\"literal\", [\"park\", \"wood\"]]]", 12, true),
        // branching
        Arguments.of(
            "[\"match\", [\"get\", \"class\"], [\"wood\", \"park\"], 1, \"water\", 2, 0]", 12, 1.0),
        Arguments.of("[\"match\", [\"get\", \"rank\"], 3, \"three\", \"other\"]", 12, "three"),
        Arguments.of("[\"match\", [\"get\", \"class\"], \"water\", 2, 0]", 12, 0.0),
        Arguments.of(
            "[\"case\", [\">\", [\"get\", \"rank\"], 5], \"big\", [\">\", [\"get\", \"rank\"], 2], \"mid\", \"small\"]",
            12,
            "mid"),
        Arguments.of("[\"coalesce\", [\"get\", \"missing\"], [\"get\", \"name\"]]", 12, "外滩"),
        // ramps
        Arguments.of("[\"interpolate\", [\"linear\"], [\"zoom\"], 10, 0, 20, 100]", 15, 50.0),
        Arguments.of("[\"interpolate\", [\"linear\"], [\"zoom\"], 10, 0, 20, 100]", 5, 0.0),
        Arguments.of("[\"interpolate\", [\"linear\"], [\"zoom\"], 10, 0, 20, 100]", 25, 100.0),
        Arguments.of("[\"interpolate\", [\"exponential\", 2], [\"zoom\"], 0, 0, 2, 30]", 1, 10.0),
        Arguments.of("[\"step\", [\"zoom\"], \"a\", 10, \"b\", 14, \"c\"]", 9, "a"),
        Arguments.of("[\"step\", [\"zoom\"], \"a\", 10, \"b\", 14, \"c\"]", 10, "b"),
        Arguments.of("[\"step\", [\"zoom\"], \"a\", 10, \"b\", 14, \"c\"]", 20, "c"),
        // conversions
        Arguments.of("[\"to-number\", [\"get\", \"n\"]]", 12, 12.0),
        Arguments.of("[\"to-number\", [\"get\", \"class\"], 4]", 12, 4.0),
        Arguments.of("[\"to-string\", [\"get\", \"rank\"]]", 12, "3"),
        Arguments.of("[\"to-string\", 2.5]", 12, "2.5"),
        Arguments.of("[\"concat\", [\"get\", \"name\"], \" #\", [\"get\", \"rank\"]]", 12, "外滩 #3"),
        Arguments.of("[\"+\", 1, [\"*\", 2, [\"get\", \"rank\"]]]", 12, 7.0),
        Arguments.of("[\"round\", -2.5]", 12, -3.0),
        Arguments.of("[\"upcase\", [\"get\", \"class\"]]", 12, "PARK"),
        // colours
        Arguments.of("[\"to-color\", \"#ff0000\"]", 12, new Rgba(255, 0, 0, 1)),
        Arguments.of("[\"rgba\", 0, 128, 255, 0.5]", 12, new Rgba(0, 128, 255, 0.5)),
        Arguments.of(
            "[\"interpolate\", [\"linear\"], [\"zoom\"], 0, \"#000000\", 10, \"#ffffff\"]",
            5,
            new Rgba(128, 128, 128, 1)));
  }

  @ParameterizedTest(name = "{0} at z{1} = {2}")
  @MethodSource("cases")
  void evaluates(String expression, double zoom, Object expected) throws Exception {
    Expression e = Expression.compile(JSON.readTree(expression));
    Object actual = e.evaluate(new Expression.Context(zoom, PROPS, "Polygon", 7L));
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "#0b1622|11|22|34|1.0",
        "#fff|255|255|255|1.0",
        "#ff000080|255|0|0|0.50196",
        "rgb(10, 20, 30)|10|20|30|1.0",
        "rgba(10,20,30,0.25)|10|20|30|0.25",
        "rgb(10 20 30 / 50%)|10|20|30|0.5",
        "hsl(0, 100%, 50%)|255|0|0|1.0",
        "hsl(120, 100%, 25%)|0|128|0|1.0",
        "hsla(240, 100%, 50%, 0.3)|0|0|255|0.3",
        "steelblue|70|130|180|1.0",
        "transparent|0|0|0|0.0"
      })
  void parsesCssColours(String css, int r, int g, int b, double a) {
    Rgba c = Colors.parse(css);
    assertThat(c).isNotNull();
    assertThat(new int[] {c.r(), c.g(), c.b()}).containsExactly(r, g, b);
    assertThat(c.a()).isCloseTo(a, org.assertj.core.data.Offset.offset(0.001));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[\"within\", {}]|'within' is not supported by CityOps yet",
        "[\"frobnicate\", 1]|'frobnicate' is not an expression operator of style spec v8",
        "[\"interpolate\", [\"cubic-bezier\", 0, 0, 1, 1], [\"zoom\"], 0, 0, 1, 1]|interpolation 'cubic-bezier' is not supported",
        "[\"get\"]|'get' takes 1 argument(s)"
      })
  void refusesWhatItCannotEvaluateSayingWhat(String expression, String message) throws Exception {
    assertThatThrownBy(() -> Expression.compile(JSON.readTree(expression)))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(message);
  }
}
