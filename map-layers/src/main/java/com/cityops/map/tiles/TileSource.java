package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;

/**
 * A supplier of map tiles by XYZ id, whatever it reads from (HTTP, WMTS, MBTiles, PMTiles).
 * Blocking: callers run it on their tile workers, never on the FX thread. Implementations are
 * thread-safe and never throw for a tile they cannot give — they answer {@link TileResult.Missing}
 * or {@link TileResult.Failed} — so one bad tile cannot kill a worker.
 */
public interface TileSource extends AutoCloseable {
  TileSourceInfo info();

  TileResult tile(TileId id);

  /** Releases files, connections and caches; default: nothing to release. */
  @Override
  default void close() {}
}
