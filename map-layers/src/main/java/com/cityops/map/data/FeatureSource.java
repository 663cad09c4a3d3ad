package com.cityops.map.data;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Features of one kind that can be queried by area (GeoTools' {@code FeatureSource}). Geometries
 * are in EPSG:3857. Implementations are safe to query from any thread.
 */
public interface FeatureSource {
  String name();

  /** The extent of all features, or an empty envelope. */
  Envelope bounds();

  /** Features whose envelope meets {@code area}. */
  List<Feature> features(Envelope area);

  /** Grows whenever the features change, so renderers can cache per version. */
  default long version() {
    return 0;
  }

  /**
   * True for sources that change many times a second; a map draws them on a layer of their own so
   * the rest is not redrawn with them.
   */
  default boolean live() {
    return false;
  }
}
