package com.cityops.map.tiles;

/**
 * How a source numbers tile rows: {@link #XYZ} from the north (OSM, Google, {@code TileId}), {@link
 * #TMS} from the south (MBTiles' table, TMS services).
 */
public enum TileScheme {
  XYZ,
  TMS;

  /** The row this scheme uses for an XYZ tile. */
  public int row(com.cityops.map.geo.TileId id) {
    return this == XYZ ? id.y() : id.tmsY();
  }
}
