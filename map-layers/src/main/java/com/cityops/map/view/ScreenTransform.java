package com.cityops.map.view;

/**
 * Mercator metres → screen pixels for one viewport with the resolution computed once: the renderer
 * converts hundreds of thousands of positions per frame, and {@link Viewport#screenX} recomputes
 * {@code 2^zoom} on every call. Immutable.
 */
public final class ScreenTransform {
  private final double originX;
  private final double originY;
  private final double pixelsPerMetre;

  ScreenTransform(Viewport v) {
    this.pixelsPerMetre = 1 / v.resolution();
    this.originX = v.centerX() - v.width() / 2 * v.resolution();
    this.originY = v.centerY() + v.height() / 2 * v.resolution();
  }

  public double x(double mercatorX) {
    return (mercatorX - originX) * pixelsPerMetre;
  }

  public double y(double mercatorY) {
    return (originY - mercatorY) * pixelsPerMetre;
  }
}
