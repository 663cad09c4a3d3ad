package com.cityops.map.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.data.Feature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class ClassificationTest {
  static final GeometryFactory GF = new GeometryFactory();

  static Feature cell(String id, double incidents) {
    return new Feature(id, GF.createPoint(new Coordinate(0, 0)), Map.of("incidents", incidents));
  }

  @Test
  void equalIntervalSplitsTheRangeIntoEqualWidths() {
    double[] values = {0, 1, 2, 3, 20};
    assertThat(Classification.breaks(values, 4, Classification.Method.EQUAL_INTERVAL))
        .containsExactly(0, 5, 10, 15, 20);
  }

  @Test
  void quantilePutsAboutTheSameNumberOfValuesInEachClass() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
    double[] breaks = Classification.breaks(values, 2, Classification.Method.QUANTILE);
    assertThat(breaks).containsExactly(1, 5.5, 100);
  }

  @Test
  void quantilesOfRepeatedValuesCollapseToFewerClasses() {
    double[] values = {0, 0, 0, 0, 0, 0, 1, 2, 3, 9};
    assertThat(Classification.breaks(values, 4, Classification.Method.QUANTILE))
        .containsExactly(0, 1.75, 9);
    assertThat(Classification.breaks(new double[] {4, 4}, 3, Classification.Method.QUANTILE))
        .containsExactly(4, 4);
  }

  @Test
  void refusesWhatCannotBeClassifiedWithAReason() {
    assertThatThrownBy(
            () -> Classification.breaks(new double[0], 3, Classification.Method.QUANTILE))
        .hasMessageContaining("no values");
    assertThatThrownBy(
            () ->
                Classification.breaks(
                    new double[] {1, Double.NaN}, 3, Classification.Method.QUANTILE))
        .hasMessageContaining("not finite");
    assertThatThrownBy(() -> Classification.ramp(List.of(Rgba.hex("#000000")), 3))
        .hasMessageContaining("at least 2 colours");
  }

  @Test
  void rampInterpolatesBetweenStops() {
    List<Rgba> ramp =
        Classification.ramp(
            List.of(Rgba.hex("#000000"), Rgba.hex("#ff0000"), Rgba.hex("#ffffff")), 5);
    assertThat(ramp)
        .containsExactly(
            Rgba.hex("#000000"),
            new Rgba(128, 0, 0, 1),
            Rgba.hex("#ff0000"),
            new Rgba(255, 128, 128, 1),
            Rgba.hex("#ffffff"));
  }

  @Test
  void rulesAreTitledByRangeAndTheLastClassIncludesTheMaximum() {
    List<Rule> rules =
        Classification.rules(
            "incidents",
            new double[] {0, 5, 12},
            List.of(Rgba.hex("#fef3c7"), Rgba.hex("#b91c1c")),
            c -> List.of(new Symbolizer.Fill(c)));
    assertThat(rules).extracting(Rule::title).containsExactly("0 – 5", "5 – 12");
    assertThat(rules.get(0).filter().matches(cell("a", 4.99))).isTrue();
    assertThat(rules.get(0).filter().matches(cell("b", 5))).isFalse();
    assertThat(rules.get(1).filter().matches(cell("b", 5))).isTrue();
    assertThat(rules.get(1).filter().matches(cell("c", 12))).isTrue();
    assertThat(rules.get(1).filter().matches(cell("d", 12.01))).isFalse();
    assertThat(rules.get(0).symbolizers())
        .containsExactly(new Symbolizer.Fill(Rgba.hex("#fef3c7")));
    assertThat(rules.get(1).symbolizers())
        .containsExactly(new Symbolizer.Fill(Rgba.hex("#b91c1c")));
  }

  @Test
  void titlesAreLocaleNeutral() {
    assertThat(Classification.title(2.5, 7.254)).isEqualTo("2.5 – 7.25");
    assertThat(Classification.title(-0.001, 1200)).isEqualTo("0 – 1200");
  }
}
