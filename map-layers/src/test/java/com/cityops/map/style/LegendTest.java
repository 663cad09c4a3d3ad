package com.cityops.map.style;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.MemoryFeatureSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegendTest {

  @Test
  void listsTitledRulesWithTheirSwatchAndSkipsUntitledAndLabelOnlyRules() {
    Style style =
        Style.of(
            Rule.of(
                "区界",
                new Symbolizer.Fill(Rgba.hex("#0f172a14")),
                new Symbolizer.Stroke(Rgba.hex("#64748b"), 1.5)),
            Rule.of("道路", new Symbolizer.Stroke(Rgba.hex("#f59e0b"), 3)),
            Rule.of(null, new Symbolizer.Stroke(Rgba.hex("#000000"), 1)),
            Rule.of("名称", new Symbolizer.Label("name", 12, Rgba.hex("#111827"), null, 0)),
            Rule.of(
                "一级",
                new Symbolizer.Marker(
                    Symbolizer.Shape.TRIANGLE, 14, Rgba.hex("#dc2626"), Rgba.hex("#ffffff")),
                new Symbolizer.Label("code", 10, Rgba.hex("#111827"), null, 2)));
    List<Legend.Entry> entries = Legend.of(style).entries();
    assertThat(entries).extracting(Legend.Entry::title).containsExactly("区界", "道路", "一级");
    assertThat(entries.get(0))
        .isEqualTo(
            new Legend.Entry(
                "区界",
                Legend.SymbolKind.POLYGON,
                Rgba.hex("#0f172a14"),
                Rgba.hex("#64748b"),
                1.5,
                null,
                0,
                null));
    assertThat(entries.get(1).kind()).isEqualTo(Legend.SymbolKind.LINE);
    assertThat(entries.get(1).strokeWidth()).isEqualTo(3);
    assertThat(entries.get(2).kind()).isEqualTo(Legend.SymbolKind.POINT);
    assertThat(entries.get(2).shape()).isEqualTo(Symbolizer.Shape.TRIANGLE);
    assertThat(entries.get(2).size()).isEqualTo(14);
    assertThat(entries.get(2).fill()).isEqualTo(Rgba.hex("#dc2626"));
  }

  @Test
  void theShippedStyleFileGivesALegendPerVisibleLayerTopFirst() throws Exception {
    StyleFile file =
        StyleFile.read(Path.of(getClass().getResource("/styles/city-one-map.json").toURI()));
    MemoryFeatureSource empty = new MemoryFeatureSource("empty", List.of());
    MapContent content =
        new MapContent(
            List.of(
                file.layer("districts").toLayer(empty),
                file.layer("district-rain").toLayer(empty),
                file.layer("sensors").toLayer(empty)));
    List<Legend.Section> sections = Legend.of(content);
    assertThat(sections)
        .extracting(Legend.Section::layerId)
        .containsExactly("sensors", "districts");
    Legend sensors = sections.get(0).legend();
    assertThat(sensors.entries())
        .extracting(Legend.Entry::title)
        .containsExactly("水位", "视频", "其他设备");
    Legend.Entry camera = sensors.entries().get(1);
    assertThat(camera.kind()).isEqualTo(Legend.SymbolKind.ICON);
    assertThat(camera.iconHref()).isEqualTo("icons/camera.png");
    assertThat(camera.shape()).isEqualTo(Symbolizer.Shape.SQUARE);
    assertThat(sections.get(1).legend().entries())
        .extracting(Legend.Entry::title)
        .containsExactly("区界");
    FeatureLayer rain = content.layers().get(1);
    assertThat(Legend.of(rain.style()).entries())
        .extracting(Legend.Entry::title)
        .containsExactly("0 – 10", "10 – 25", "暴雨");
  }
}
