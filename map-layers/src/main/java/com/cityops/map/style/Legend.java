package com.cityops.map.style;

import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a legend shows for a style: one entry per titled rule with the swatch to draw, toolkit-
 * neutral. Rules without a title are not listed (they are decoration, e.g. zoom-dependent outlines)
 * and neither are label-only rules (text needs no swatch). Immutable.
 */
public record Legend(List<Entry> entries) {
  public Legend {
    entries = List.copyOf(entries);
  }

  /** The kind of swatch: a filled box, a line, a marker shape, or an image. */
  public enum SymbolKind {
    POLYGON,
    LINE,
    POINT,
    ICON
  }

  /**
   * One legend line. Fields that do not apply to the kind are null or 0: {@code fill}/{@code
   * stroke}/{@code strokeWidth} for polygons and lines, {@code shape}/{@code size}/{@code
   * fill}/{@code stroke} for points; icons carry {@code iconHref} and their fallback marker's shape
   * and colours, to show when the image cannot be read.
   */
  public record Entry(
      String title,
      SymbolKind kind,
      Rgba fill,
      Rgba stroke,
      double strokeWidth,
      Symbolizer.Shape shape,
      double size,
      String iconHref) {}

  /** A layer's title and its entries, for a legend of the whole map. */
  public record Section(String layerId, String layerTitle, Legend legend) {}

  public static Legend of(Style style) {
    List<Entry> entries = new ArrayList<>();
    for (Rule rule : style.rules()) {
      if (rule.title() == null || rule.title().isBlank()) {
        continue;
      }
      Entry entry = entry(rule);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return new Legend(entries);
  }

  /** Sections for the visible layers with at least one entry, top layer first as legends read. */
  public static List<Section> of(MapContent content) {
    List<Section> sections = new ArrayList<>();
    List<FeatureLayer> layers = content.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      FeatureLayer layer = layers.get(i);
      Legend legend = of(layer.style());
      if (layer.visible() && !legend.entries().isEmpty()) {
        sections.add(new Section(layer.id(), layer.title(), legend));
      }
    }
    return sections;
  }

  /** The rule's most telling symbol: marker or icon over fill over stroke; null if text only. */
  private static Entry entry(Rule rule) {
    Symbolizer.Fill fill = null;
    Symbolizer.Stroke stroke = null;
    for (Symbolizer s : rule.symbolizers()) {
      if (s instanceof Symbolizer.Marker m) {
        return new Entry(
            rule.title(), SymbolKind.POINT, m.fill(), m.stroke(), 0, m.shape(), m.size(), null);
      }
      if (s instanceof Symbolizer.Icon icon) {
        Symbolizer.Marker m = icon.fallback();
        return new Entry(
            rule.title(),
            SymbolKind.ICON,
            m == null ? null : m.fill(),
            m == null ? null : m.stroke(),
            0,
            m == null ? null : m.shape(),
            icon.size(),
            icon.href());
      }
      if (s instanceof Symbolizer.Fill f && fill == null) {
        fill = f;
      } else if (s instanceof Symbolizer.Stroke st && stroke == null) {
        stroke = st;
      }
    }
    if (fill != null) {
      return new Entry(
          rule.title(),
          SymbolKind.POLYGON,
          fill.color(),
          stroke == null ? null : stroke.color(),
          stroke == null ? 0 : stroke.width(),
          null,
          0,
          null);
    }
    if (stroke != null) {
      return new Entry(
          rule.title(), SymbolKind.LINE, null, stroke.color(), stroke.width(), null, 0, null);
    }
    return null;
  }
}
