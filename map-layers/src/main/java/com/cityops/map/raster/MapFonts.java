package com.cityops.map.raster;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * Chooses the font family the rasteriser draws labels with: the first installed of a list of
 * CJK-capable families (so 浦东新区 never renders as boxes), else Java's logical {@code SansSerif},
 * which maps to whatever fontconfig offers.
 */
public final class MapFonts {
  /**
   * In order of preference: Noto/Source Han (Linux, bundled on most distributions), then Windows.
   */
  public static final List<String> CJK_FAMILIES =
      List.of(
          "Noto Sans CJK SC",
          "Source Han Sans SC",
          "WenQuanYi Micro Hei",
          "Microsoft YaHei",
          "SimHei",
          "PingFang SC");

  private static volatile String preferred;

  private MapFonts() {}

  public static String preferredFamily() {
    String family = preferred;
    if (family == null) {
      Set<String> installed =
          Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
      family = CJK_FAMILIES.stream().filter(installed::contains).findFirst().orElse("SansSerif");
      preferred = family;
    }
    return family;
  }
}
