package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;
import java.util.Optional;

/**
 * Where to fetch a tile: the URL for an XYZ tile id, or empty when the service has no such tile
 * (outside its matrix), which the source reports as missing without a request.
 */
@FunctionalInterface
public interface TileUrls {
  Optional<String> url(TileId id);
}
