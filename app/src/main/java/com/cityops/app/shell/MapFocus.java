package com.cityops.app.shell;

import org.locationtech.jts.geom.Envelope;

/**
 * What the workstation's panels may ask of the city map, without knowing the map: fly to a place
 * and frame an area. Implemented over {@code MapView}; FX thread only.
 */
public interface MapFocus {
  /** Flies the map to a WGS84 point at a zoom level (Web Mercator levels, e.g. 16 for a street). */
  void flyTo(double lon, double lat, double zoom);

  /** Frames an extent in WGS84 degrees, with a margin in pixels. */
  void frame(Envelope lonLat, double marginPx);
}
