package com.cityops.sim.http;

import com.cityops.api.ProblemType;
import com.cityops.map.geo.TileId;

/**
 * A tile address from the URL {@code /tiles/{pack}/{z}/{x}/{y}.{ext}}, checked before any lookup:
 * decimal integers only (no signs, spaces or leading zeros, so one tile has one URL and one cache
 * entry), {@code z ≤ 30}, {@code x, y < 2^z}. Immutable.
 */
record TileRequest(String pack, TileId tile, String extension) {

  /**
   * @throws BadRequest (400) naming what is wrong and the expected form
   */
  static TileRequest parse(String pack, String z, String x, String file) {
    int dot = file.lastIndexOf('.');
    if (dot <= 0 || dot == file.length() - 1) {
      throw malformed(pack, z, x, file, "the last part must be {y}.{ext}, e.g. 105.pbf");
    }
    int zoom = number("z", z, pack);
    int column = number("x", x, pack);
    int row = number("y", file.substring(0, dot), pack);
    if (zoom > TileId.MAX_ZOOM) {
      throw malformed(pack, z, x, file, "z must be 0–" + TileId.MAX_ZOOM);
    }
    long size = 1L << zoom;
    if (column >= size || row >= size) {
      throw malformed(pack, z, x, file, "x and y must be below 2^z = " + size + " at zoom " + zoom);
    }
    return new TileRequest(pack, TileId.of(zoom, column, row), file.substring(dot + 1));
  }

  private static int number(String name, String text, String pack) {
    // ASCII digits only: Integer.parseInt would also take '+1' and non-Latin digits like '٣'
    boolean digits =
        !text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          "tile "
              + name
              + " '"
              + text
              + "' is not a non-negative integer without leading zeros (GET /tiles/"
              + pack
              + "/{z}/{x}/{y}.{ext})");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST, "tile " + name + " '" + text + "' is too large");
    }
  }

  private static BadRequest malformed(String pack, String z, String x, String file, String why) {
    return new BadRequest(
        ProblemType.INVALID_REQUEST,
        "tile address " + z + "/" + x + "/" + file + " of pack '" + pack + "': " + why);
  }
}
