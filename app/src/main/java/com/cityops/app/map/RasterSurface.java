package com.cityops.app.map;

import com.cityops.map.content.MapContent;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.render.Renderer;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One group of map layers drawn off the FX thread into an image that the FX thread only moves and
 * scales — so a pan costs a translation, never a redraw (Apache SIS's map-canvas pattern). The
 * image covers the view plus a margin, so a pan shows drawn map until the next image arrives. Three
 * buffers: the worker paints only into one that left the screen at least a pulse ago (the render
 * thread may still be reading the one just replaced); at most one render is in flight, and a change
 * during it causes exactly one follow-up.
 *
 * <p>FX thread only, except the render job, which touches only the back buffer and immutable
 * inputs.
 */
final class RasterSurface implements AutoCloseable {
  /** Drawn map beyond each edge of the view, in logical pixels: what a quick pan reveals. */
  static final double MARGIN = 192;

  final ImageView view = new ImageView();
  private final Renderer renderer;
  private final PlanRasterizer rasterizer;
  private final Executor fx;
  private final ExecutorService worker;
  private final long minIntervalNanos;
  private final double maxDuty;
  private final LongSupplier clock;
  private Frame front;
  private Frame retired;
  private Frame back;
  private boolean inFlight;
  private long lastStart;
  private long renders;
  private long lastRenderNanos;

  /**
   * @param fx the door onto the FX thread (finished images are shown from there)
   * @param minIntervalNanos the shortest time between two renders (a live layer changing thousands
   *     of times a second is drawn at most this often)
   */
  RasterSurface(
      String name,
      Renderer renderer,
      PlanRasterizer rasterizer,
      Executor fx,
      long minIntervalNanos,
      double maxDuty,
      LongSupplier clock) {
    this.renderer = renderer;
    this.rasterizer = rasterizer;
    this.fx = fx;
    this.minIntervalNanos = minIntervalNanos;
    this.maxDuty = maxDuty;
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cityops-map-" + name);
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1); // the FX thread comes first
              return t;
            });
    view.setManaged(false);
    view.setSmooth(true);
  }

  /** What the current image was drawn for, or null before the first. */
  Frame front() {
    return front;
  }

  boolean busy() {
    return inFlight;
  }

  long renders() {
    return renders;
  }

  long lastRenderNanos() {
    return lastRenderNanos;
  }

  /**
   * True when a render may start now: none in flight, the minimum interval passed, and — for a
   * surface with a duty limit — enough idle time that its worker uses at most that share of a core
   * (two cores shared with the FX and render threads: a live layer that costs 80 ms an image must
   * not run back to back).
   */
  boolean canStart() {
    long interval = minIntervalNanos;
    if (maxDuty < 1) {
      interval = Math.max(interval, (long) (lastRenderNanos / maxDuty));
    }
    return !inFlight && clock.getAsLong() - lastStart >= interval;
  }

  /**
   * Starts drawing {@code content} for {@code viewport} (plus the margin) at {@code scale}; calls
   * {@code done} on the FX thread once the new image is on screen.
   */
  void render(
      MapContent content,
      long contentStamp,
      Viewport viewport,
      double scale,
      com.cityops.map.style.Rgba background,
      Underlay underlay,
      Runnable done) {
    inFlight = true;
    lastStart = clock.getAsLong();
    Viewport extended =
        new Viewport(
            viewport.centerX(),
            viewport.centerY(),
            viewport.zoom(),
            viewport.width() + 2 * MARGIN,
            viewport.height() + 2 * MARGIN);
    Frame spare = back;
    back = null;
    try {
      worker.execute(
          () -> {
            long t0 = System.nanoTime();
            Frame target =
                spare != null && spare.fits(extended, scale) ? spare : Frame.of(extended, scale);
            RenderPlan plan = renderer.plan(content, extended);
            boolean complete = true;
            if (underlay == null) {
              rasterizer.paint(plan, target.image, scale, background);
            } else {
              complete = underlay.paint(target.image, extended, scale);
              rasterizer.paintOver(plan, target.image, scale);
            }
            Frame drawn = target.drawnFor(extended, contentStamp, plan.attribution(), complete);
            long took = System.nanoTime() - t0;
            fx.execute(() -> show(drawn, took, done));
          });
    } catch (RejectedExecutionException closed) {
      inFlight = false; // closing: nothing more to draw
    }
  }

  private void show(Frame drawn, long took, Runnable done) {
    // The worker has finished writing these pixels; tell the toolkit they are new.
    drawn.pixels.updateBuffer(b -> null);
    back = retired;
    retired = front;
    front = drawn;
    view.setImage(drawn.fx);
    inFlight = false;
    renders++;
    lastRenderNanos = took;
    done.run();
  }

  /** Places the current image so that it lines up with {@code current}. */
  void place(Viewport current) {
    if (front == null) {
      return;
    }
    Viewport drawn = front.viewport;
    double k = drawn.resolution() / current.resolution();
    double x = current.screenX(drawn.mercatorX(0));
    double y = current.screenY(drawn.mercatorY(0));
    if (Math.abs(k - 1) < 1e-9) {
      // Whole pixels while panning: no resampling of the image, and no blur.
      x = Math.round(x);
      y = Math.round(y);
    }
    // Show only the part of the image inside the view (the margin stays off screen): the software
    // pipeline then blends a view-sized picture, not the image with its margin under a clip.
    double left = Math.max(0, x);
    double top = Math.max(0, y);
    double right = Math.min(current.width(), x + drawn.width() * k);
    double bottom = Math.min(current.height(), y + drawn.height() * k);
    if (right <= left || bottom <= top) {
      view.setVisible(false);
      return;
    }
    double s = front.scale;
    view.setVisible(true);
    view.setViewport(
        new javafx.geometry.Rectangle2D(
            (left - x) / k * s, (top - y) / k * s, (right - left) / k * s, (bottom - top) / k * s));
    view.relocate(left, top);
    view.setFitWidth(right - left);
    view.setFitHeight(bottom - top);
  }

  /** Runs other raster work (an export) on this surface's worker, after what is queued. */
  <T> java.util.concurrent.CompletableFuture<T> submit(java.util.function.Supplier<T> job) {
    return java.util.concurrent.CompletableFuture.supplyAsync(job, worker);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  /**
   * What the surface paints before its layers (the basemap), on its worker; answers whether it was
   * complete.
   */
  @FunctionalInterface
  interface Underlay {
    boolean paint(BufferedImage target, Viewport area, double scale);
  }

  /** An image and what it shows. */
  static final class Frame {
    final BufferedImage image;
    final PixelBuffer<IntBuffer> pixels;
    final WritableImage fx;
    final double scale;
    final Viewport viewport;
    final long contentStamp;
    final String attribution;
    final boolean complete;

    private Frame(
        BufferedImage image,
        PixelBuffer<IntBuffer> pixels,
        WritableImage fx,
        double scale,
        Viewport viewport,
        long contentStamp,
        String attribution,
        boolean complete) {
      this.image = image;
      this.pixels = pixels;
      this.fx = fx;
      this.scale = scale;
      this.viewport = viewport;
      this.contentStamp = contentStamp;
      this.attribution = attribution;
      this.complete = complete;
    }

    static Frame of(Viewport viewport, double scale) {
      int w = (int) Math.ceil(viewport.width() * scale);
      int h = (int) Math.ceil(viewport.height() * scale);
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
      int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      // The toolkit reads the very pixels Java2D writes: no copy per frame.
      PixelBuffer<IntBuffer> pixels =
          new PixelBuffer<>(w, h, IntBuffer.wrap(data), PixelFormat.getIntArgbPreInstance());
      return new Frame(image, pixels, new WritableImage(pixels), scale, viewport, -1, "", false);
    }

    boolean fits(Viewport viewport, double scale) {
      return this.scale == scale
          && image.getWidth() == (int) Math.ceil(viewport.width() * scale)
          && image.getHeight() == (int) Math.ceil(viewport.height() * scale);
    }

    Frame drawnFor(Viewport viewport, long contentStamp, String attribution, boolean complete) {
      return new Frame(image, pixels, fx, scale, viewport, contentStamp, attribution, complete);
    }

    /** False while the underlay still showed stand-ins for tiles not ready yet. */
    boolean complete() {
      return complete;
    }

    Viewport viewport() {
      return viewport;
    }

    long contentStamp() {
      return contentStamp;
    }

    String attribution() {
      return attribution;
    }

    /** True when the drawn area (view + margin) still covers all of {@code current}. */
    boolean covers(Viewport current) {
      return Math.abs(current.zoom() - viewport.zoom()) < 1e-9
          && viewport.bounds().contains(current.bounds());
    }
  }
}
