package com.cityops.map.view;

import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the world a map shows: centre (Web Mercator metres), fractional zoom (0 = the world
 * in one 256 px tile) and size in logical pixels. Immutable; every interaction makes a new one.
 * Screen y grows downwards, Mercator y upwards.
 */
public record Viewport(double centerX, double centerY, double zoom, double width, double height) {
  public static final double MIN_ZOOM = 0;
  public static final double MAX_ZOOM = 22;

  public Viewport {
    if (!(width > 0) || !(height > 0)) {
      throw new IllegalArgumentException("viewport must have a size, got " + width + "×" + height);
    }
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
  }

  public static Viewport centeredOn(LonLat center, double zoom, double width, double height) {
    return new Viewport(
        WebMercator.x(center.lon()), WebMercator.y(center.lat()), zoom, width, height);
  }

  /** Metres per logical pixel at this zoom (along the Mercator axes). */
  public double resolution() {
    return 2 * WebMercator.HALF_WORLD / WebMercator.worldSize(zoom);
  }

  public double screenX(double mercatorX) {
    return (mercatorX - centerX) / resolution() + width / 2;
  }

  public double screenY(double mercatorY) {
    return (centerY - mercatorY) / resolution() + height / 2;
  }

  /** The same conversion as {@link #screenX}/{@link #screenY}, for many positions. */
  public ScreenTransform transform() {
    return new ScreenTransform(this);
  }

  public double mercatorX(double screenX) {
    return centerX + (screenX - width / 2) * resolution();
  }

  public double mercatorY(double screenY) {
    return centerY - (screenY - height / 2) * resolution();
  }

  public LonLat lonLatAt(double screenX, double screenY) {
    return WebMercator.inverse(mercatorX(screenX), mercatorY(screenY));
  }

  /** The visible area in Mercator metres. */
  public Envelope bounds() {
    double halfW = width / 2 * resolution();
    double halfH = height / 2 * resolution();
    return new Envelope(centerX - halfW, centerX + halfW, centerY - halfH, centerY + halfH);
  }

  /** Moves the content by {@code dx, dy} screen pixels (a drag). */
  public Viewport panBy(double dx, double dy) {
    return new Viewport(
        centerX - dx * resolution(), centerY + dy * resolution(), zoom, width, height);
  }

  /** Zooms to {@code newZoom} keeping the point under the screen position fixed (wheel, pinch). */
  public Viewport zoomAround(double screenX, double screenY, double newZoom) {
    double mx = mercatorX(screenX);
    double my = mercatorY(screenY);
    Viewport zoomed = new Viewport(centerX, centerY, newZoom, width, height);
    return new Viewport(
        mx - (screenX - width / 2) * zoomed.resolution(),
        my + (screenY - height / 2) * zoomed.resolution(),
        zoomed.zoom,
        width,
        height);
  }

  public Viewport resized(double newWidth, double newHeight) {
    return new Viewport(centerX, centerY, zoom, newWidth, newHeight);
  }

  /** The largest zoom at which {@code area} (metres) fits inside, with a margin in pixels. */
  public Viewport fit(Envelope area, double marginPx) {
    double w = Math.max(1, width - 2 * marginPx);
    double h = Math.max(1, height - 2 * marginPx);
    double res = Math.max(area.getWidth() / w, area.getHeight() / h);
    double z =
        res <= 0
            ? zoom
            : Math.log(2 * WebMercator.HALF_WORLD / (res * WebMercator.TILE_SIZE)) / Math.log(2);
    return new Viewport(area.centre().x, area.centre().y, z, width, height);
  }

  /** Between two viewports, for animated fly-to ({@code t} 0…1; zoom moves in log space). */
  public Viewport interpolate(Viewport to, double t) {
    double u = Math.max(0, Math.min(1, t));
    return new Viewport(
        centerX + (to.centerX - centerX) * u,
        centerY + (to.centerY - centerY) * u,
        zoom + (to.zoom - zoom) * u,
        width,
        height);
  }
}
