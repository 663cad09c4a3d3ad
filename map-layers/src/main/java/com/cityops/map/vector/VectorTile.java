package com.cityops.map.vector;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A decoded Mapbox Vector Tile: named layers of features whose geometry is in tile coordinates (0…
 * {@code extent}, y down, may reach a little outside for the buffer). Immutable and thread-safe.
 */
public record VectorTile(List<Layer> layers) {
  public VectorTile {
    layers = List.copyOf(layers);
  }

  /** The layer called {@code name}, or null when the tile has none. */
  public Layer layer(String name) {
    for (Layer layer : layers) {
      if (layer.name().equals(name)) {
        return layer;
      }
    }
    return null;
  }

  /** One layer; {@code extent} is the number of tile units along one side of the tile. */
  public record Layer(String name, int version, int extent, List<Feature> features) {
    public Layer {
      features = List.copyOf(features);
    }
  }

  /**
   * One feature. {@code id} is null when the tile has none; property values are String, Boolean,
   * Long (int, uint and sint values; uint64 above Long.MAX_VALUE wraps as Java's unsigned longs
   * do), Float or Double, as encoded.
   */
  public record Feature(Long id, GeomType type, Geometry geometry, Map<String, Object> properties) {
    public Feature {
      properties = Map.copyOf(properties);
    }
  }

  /** The geometry types a decoder keeps ({@code UNKNOWN} features are skipped, as allowed). */
  public enum GeomType {
    POINT,
    LINESTRING,
    POLYGON
  }
}
