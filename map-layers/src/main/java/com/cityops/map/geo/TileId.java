package com.cityops.map.geo;

/** A tile of the XYZ (Web Mercator, origin top-left) scheme; {@code toString} is {@code z/x/y}. */
public record TileId(int z, int x, int y) {
  public static final int MAX_ZOOM = 30;

  public TileId {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("tile zoom must be 0–" + MAX_ZOOM + ", got " + z);
    }
    int n = 1 << z;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new IllegalArgumentException(
          "tile "
              + z
              + "/"
              + x
              + "/"
              + y
              + " is outside the "
              + n
              + "×"
              + n
              + " grid of zoom "
              + z);
    }
  }

  public static TileId of(int z, int x, int y) {
    return new TileId(z, x, y);
  }

  /** The tile one zoom out that contains this one. */
  public TileId parent() {
    if (z == 0) {
      throw new IllegalStateException("tile 0/0/0 has no parent");
    }
    return new TileId(z - 1, x >> 1, y >> 1);
  }

  /** The same tile numbered the TMS way (origin bottom-left), as MBTiles stores it. */
  public int tmsY() {
    return (1 << z) - 1 - y;
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
