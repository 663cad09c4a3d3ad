package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import java.util.List;
import java.util.Map;

/**
 * A video wall: its screens in a grid, the bezels between them, and for each mode (平时 normal, 战时
 * emergency) the panels that fill the screens. Read and checked by {@link WallLayoutReader};
 * documented in {@code docs/wall-setup.md} with a JSON schema in {@code docs/walls/}.
 *
 * @param id the wall's id, shared by all the PCs that drive it (their scene travels under it); the
 *     file's name when the file gives none
 * @param screenSize the pixel size of one screen (snapshots and planning; live windows take the
 *     size the OS reports)
 * @param bezel pixels the frames between two neighbouring screens hide, both frames together: a map
 *     spanning screens skips them, so a road crossing a bezel stays straight
 * @param modes panels per mode; both modes must be there, and every screen covered in each
 */
public record WallLayout(
    String id,
    String name,
    Grid grid,
    Size screenSize,
    Size bezel,
    List<Screen> screens,
    Map<OperatingMode, List<Panel>> modes) {

  /** Columns and rows of screens. */
  public record Grid(int columns, int rows) {}

  public record Size(int width, int height) {}

  /**
   * One monitor of the wall.
   *
   * @param display which of the OS's screens shows it: its index in the screens ordered left to
   *     right, then top to bottom (null: the screen's position in {@code screens})
   */
  public record Screen(String id, int column, int row, Integer display) {}

  /**
   * A rectangle of screens, counted in whole screens from the top left.
   *
   * @param columns how many screens wide (1 when absent)
   * @param rows how many screens high (1 when absent)
   */
  public record Span(int column, int row, int columns, int rows) {
    boolean covers(int c, int r) {
      return c >= column && c < column + columns && r >= row && r < row + rows;
    }
  }

  /**
   * One panel: a view over a span of screens, or a part of it ({@code area}: x, y, width and height
   * as fractions of the span, default the whole of it).
   */
  public record Panel(
      PanelKind kind,
      Span at,
      List<Double> area,
      String title,
      MapPanel map,
      List<String> domains,
      String indicator,
      String text) {}

  /**
   * What a map panel shows.
   *
   * @param center longitude and latitude (WGS84) of the span's centre; null fits the city
   * @param zoom Web Mercator zoom (0–22); null with a null centre
   * @param followFocus whether it flies to the case in focus (emergency layouts)
   */
  public record MapPanel(List<Double> center, Double zoom, Boolean followFocus) {
    boolean follows() {
      return Boolean.TRUE.equals(followFocus);
    }
  }

  /** The panels of {@code mode}. */
  public List<Panel> panels(OperatingMode mode) {
    return modes.get(mode);
  }

  /** The screen with this id, or null. */
  public Screen screen(String id) {
    return screens.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }
}
