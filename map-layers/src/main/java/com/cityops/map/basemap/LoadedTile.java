package com.cityops.map.basemap;

import com.cityops.map.vector.VectorTile;

/** One source's data for one tile, decoded and ready to draw, or why there is none. */
sealed interface LoadedTile {
  /** A vector tile's layers. */
  record Vector(VectorTile tile) implements LoadedTile {}

  /** A raster tile's pixels, premultiplied ARGB, row by row. */
  record Image(int width, int height, int[] argbPre) implements LoadedTile {
    public Image {
      if (argbPre.length != width * height) {
        throw new IllegalArgumentException(
            "raster of " + width + "×" + height + " needs " + width * height + " pixels");
      }
    }
  }

  /** The source has nothing here (outside its area, a 404, an empty tile): draw nothing. */
  record Empty(String reason) implements LoadedTile {}

  /** The tile could not be had or read; drawn as empty, said once. */
  record Broken(String message) implements LoadedTile {}

  /** Bytes of the data held, for the cache's budget. */
  default long weight() {
    if (this instanceof Image i) {
      return 4L * i.argbPre().length;
    }
    if (this instanceof Vector v) {
      // Decoded geometry costs far more than its protobuf; a rough per-coordinate estimate.
      long coordinates = 0;
      for (VectorTile.Layer l : v.tile().layers()) {
        for (VectorTile.Feature f : l.features()) {
          coordinates += f.geometry().getNumPoints();
        }
      }
      return 256 + 48 * coordinates;
    }
    return 64;
  }
}
