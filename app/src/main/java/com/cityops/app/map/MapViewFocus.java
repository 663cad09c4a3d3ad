package com.cityops.app.map;

import com.cityops.app.shell.MapFocus;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.view.Viewport;
import org.locationtech.jts.geom.Envelope;

/** {@link MapFocus} over the city's {@link MapView}: WGS84 in, Web Mercator flights out. */
public final class MapViewFocus implements MapFocus {
  private static final double FLIGHT_SECONDS = 0.8;
  private final MapView map;

  public MapViewFocus(MapView map) {
    this.map = map;
  }

  @Override
  public void flyTo(double lon, double lat, double zoom) {
    Viewport now = map.viewportProperty().get();
    map.flyTo(
        new Viewport(WebMercator.x(lon), WebMercator.y(lat), zoom, now.width(), now.height()),
        FLIGHT_SECONDS);
  }

  @Override
  public void frame(Envelope lonLat, double marginPx) {
    Envelope metres =
        new Envelope(
            WebMercator.x(lonLat.getMinX()),
            WebMercator.x(lonLat.getMaxX()),
            WebMercator.y(lonLat.getMinY()),
            WebMercator.y(lonLat.getMaxY()));
    map.flyToFit(metres, marginPx, FLIGHT_SECONDS);
  }
}
