package com.cityops.map.render;

import com.cityops.map.data.Feature;
import com.cityops.map.style.Classification;
import com.cityops.map.style.Rgba;
import com.cityops.map.view.Viewport;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * A point density surface (e.g. incidents) as an image: each point adds a quartic (biweight) kernel
 * of {@code radiusPx} screen pixels, weighted by an optional attribute, to a grid at 1/{@link
 * #SCALE} of the screen resolution; density is normalised by the grid's maximum or a fixed value
 * (stable colours while panning) and coloured from a ramp whose alpha also rises with density, so
 * empty areas stay transparent. Cost: one pass over the points, each adding the precomputed kernel
 * (about (radiusPx/2)² cells), then one pass over the grid.
 *
 * <p>The result is a premultiplied ARGB image at grid resolution, laid out like {@code
 * TYPE_INT_ARGB_PRE} (and JavaFX's {@code PixelFormat.getIntArgbPreInstance()}). Grid cell (i, j)
 * covers screen pixels [i·SCALE, (i+1)·SCALE) × [j·SCALE, (j+1)·SCALE): the caller draws the image
 * at (0, 0) scaled by SCALE, with smoothing on — in JavaFX {@code gc.setImageSmoothing(true);
 * gc.drawImage(img, 0, 0, w * SCALE, h * SCALE)} — which the smooth kernel tolerates.
 *
 * <p>Immutable and thread-safe; keep one per radius and ramp, since building the kernel is the only
 * setup.
 */
public final class Heatmap {
  /** Screen pixels per grid cell along each axis. */
  public static final int SCALE = 4;

  private static final int RAMP_STEPS = 256;

  private final double radiusPx;
  private final int reach;
  private final float[] kernel;
  private final int[] rampArgbPre;

  /** The density grid coloured: {@code argbPre} row by row, {@code width × height} cells. */
  public record Image(int width, int height, int[] argbPre, double maxDensity) {
    /** The premultiplied ARGB of cell (x, y). */
    public int argbAt(int x, int y) {
      return argbPre[y * width + x];
    }

    /** The alpha 0–255 of cell (x, y). */
    public int alphaAt(int x, int y) {
      return argbAt(x, y) >>> 24;
    }
  }

  /**
   * @param radiusPx kernel radius in screen pixels (a point's influence ends there)
   * @param ramp two or more colours from low to high density; alpha is scaled by density on top
   */
  public Heatmap(double radiusPx, List<Rgba> ramp) {
    if (!(radiusPx >= SCALE)) {
      throw new IllegalArgumentException(
          "heatmap radius must be at least " + SCALE + " px (one grid cell), got " + radiusPx);
    }
    this.radiusPx = radiusPx;
    double r = radiusPx / SCALE;
    this.reach = (int) Math.ceil(r);
    int side = 2 * reach + 1;
    this.kernel = new float[side * side];
    for (int dy = -reach; dy <= reach; dy++) {
      for (int dx = -reach; dx <= reach; dx++) {
        double u = (dx * dx + dy * dy) / (r * r);
        kernel[(dy + reach) * side + dx + reach] = u < 1 ? (float) ((1 - u) * (1 - u)) : 0f;
      }
    }
    this.rampArgbPre = new int[RAMP_STEPS];
    for (int i = 0; i < RAMP_STEPS; i++) {
      double t = i / (double) (RAMP_STEPS - 1);
      Rgba c = Classification.interpolate(ramp, t);
      rampArgbPre[i] = premultiplied(c, c.a() * t);
    }
  }

  public double radiusPx() {
    return radiusPx;
  }

  /**
   * Density of points at screen positions {@code xs[i], ys[i]} with {@code weights[i]} (null: all
   * 1) over a screen of {@code widthPx × heightPx}. {@code normaliseTo} is the density shown at
   * full colour; NaN or ≤ 0 uses the grid's maximum. Points up to the radius outside the screen
   * still count, so edges do not fade when panning.
   */
  public Image render(
      double[] xs, double[] ys, double[] weights, int widthPx, int heightPx, double normaliseTo) {
    if (xs.length != ys.length || (weights != null && weights.length != xs.length)) {
      throw new IllegalArgumentException(
          "xs, ys and weights must have the same length: "
              + xs.length
              + ", "
              + ys.length
              + ", "
              + (weights == null ? "none" : weights.length));
    }
    int w = Math.max(1, (widthPx + SCALE - 1) / SCALE);
    int h = Math.max(1, (heightPx + SCALE - 1) / SCALE);
    float[] density = new float[w * h];
    int side = 2 * reach + 1;
    for (int i = 0; i < xs.length; i++) {
      double weight = weights == null ? 1 : weights[i];
      if (!(weight > 0) || !Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        continue; // nothing to add: zero, negative or missing weight, or no position
      }
      int cx = (int) Math.floor(xs[i] / SCALE);
      int cy = (int) Math.floor(ys[i] / SCALE);
      int x0 = Math.max(0, cx - reach);
      int x1 = Math.min(w - 1, cx + reach);
      int y0 = Math.max(0, cy - reach);
      int y1 = Math.min(h - 1, cy + reach);
      float wf = (float) weight;
      for (int y = y0; y <= y1; y++) {
        int row = y * w;
        int krow = (y - cy + reach) * side + reach - cx;
        for (int x = x0; x <= x1; x++) {
          density[row + x] += wf * kernel[krow + x];
        }
      }
    }
    double max = 0;
    for (float d : density) {
      max = Math.max(max, d);
    }
    double scale = normaliseTo > 0 ? normaliseTo : max;
    int[] argb = new int[w * h];
    if (scale > 0) {
      double toIndex = (RAMP_STEPS - 1) / scale;
      for (int i = 0; i < argb.length; i++) {
        if (density[i] > 0) {
          int index = (int) Math.min(RAMP_STEPS - 1, Math.round(density[i] * toIndex));
          argb[i] = rampArgbPre[index];
        }
      }
    }
    return new Image(w, h, argb, max);
  }

  /**
   * The density of {@code features} (their point, or centroid) in {@code viewport}, weighted by the
   * numeric attribute {@code weightAttribute} (null: each counts 1; a feature without a numeric
   * value adds nothing).
   */
  public Image render(
      List<Feature> features, String weightAttribute, Viewport viewport, double normaliseTo) {
    Envelope reachable = viewport.bounds();
    reachable.expandBy(radiusPx * viewport.resolution());
    double[] xs = new double[features.size()];
    double[] ys = new double[features.size()];
    double[] weights = weightAttribute == null ? null : new double[features.size()];
    int n = 0;
    for (Feature f : features) {
      Point p = f.geometry() instanceof Point point ? point : f.geometry().getCentroid();
      if (!reachable.contains(p.getX(), p.getY())) {
        continue;
      }
      xs[n] = viewport.screenX(p.getX());
      ys[n] = viewport.screenY(p.getY());
      if (weights != null) {
        weights[n] = f.attributes().get(weightAttribute) instanceof Number v ? v.doubleValue() : 0;
      }
      n++;
    }
    return render(
        java.util.Arrays.copyOf(xs, n),
        java.util.Arrays.copyOf(ys, n),
        weights == null ? null : java.util.Arrays.copyOf(weights, n),
        (int) Math.ceil(viewport.width()),
        (int) Math.ceil(viewport.height()),
        normaliseTo);
  }

  private static int premultiplied(Rgba c, double alpha) {
    int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
    int r = (int) Math.round(c.r() * a / 255.0);
    int g = (int) Math.round(c.g() * a / 255.0);
    int b = (int) Math.round(c.b() * a / 255.0);
    return a << 24 | r << 16 | g << 8 | b;
  }
}
