package com.cityops.bench;

import com.cityops.map.geo.TileId;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.jxmapviewer.JXMapViewer;
import org.jxmapviewer.viewer.DefaultTileFactory;
import org.jxmapviewer.viewer.TileFactoryInfo;

/**
 * The raster-tile peer of the {@code basemap} workload: a JXMapViewer2 2.8 {@link JXMapViewer} with
 * a {@link DefaultTileFactory} over the loopback tile server, never shown in a window — it is
 * painted on the Swing event thread into a {@link BufferedImage} of the view's size (works with or
 * without {@code java.awt.headless}). One instance is one cold start: a new factory (empty tile map
 * and {@code TileCache}, its own loader pool) and a new viewer.
 *
 * <p>JXMapViewer counts zoom levels backwards ({@code totalMapZoom} minus the XYZ level), as its
 * {@code OSMTileFactoryInfo} does with 19. When a tile of the view is not loaded yet, its {@code
 * drawMapTiles} draws the parent tile (one level up) magnified if the view is below the factory's
 * maximum zoom level, and that call also starts loading the parent. {@code stock = false} sets the
 * maximum zoom level to the view's, so it fetches exactly the view's tiles (the same work as ours,
 * which draws only parents it already holds); {@code stock = true} keeps OSM's limits (levels 2–19)
 * and so also fetches the parents, as an application using the library as shipped would.
 *
 * <p>Not thread-safe: one bench thread drives it; the viewer and factory are touched on the Swing
 * event thread only, where the factory also marks tiles loaded.
 */
final class JxMapViewerPeer implements AutoCloseable {
  static final String NAME = "JXMapViewer2 2.8";
  private static final int TOTAL_MAP_ZOOM = 19;
  private static final int TILE = 256;

  private final int level;
  private final int jxZoom;
  private final BufferedImage target;
  private final Semaphore loaded = new Semaphore(0);
  private final AtomicLong firstLoaded = new AtomicLong();
  private final AtomicLong lastLoaded = new AtomicLong();
  private DefaultTileFactory factory;
  private JXMapViewer viewer;

  /**
   * How one view came to be complete: time from the first paint to the end of the complete one,
   * paints, when the first and the last tile arrived (ns after the first paint; 0 when none had
   * to), and the view's tiles.
   */
  record Settled(
      long nanos, int paints, long firstTileNanos, long lastTileNanos, Set<TileId> tiles) {}

  /**
   * @param baseUrl the server, e.g. {@code http://127.0.0.1:PORT}; tiles at {@code /Z/X/Y.png}
   * @param level the XYZ zoom level of the view
   * @param threads the factory's loader threads (its default is 4)
   */
  JxMapViewerPeer(
      String baseUrl, int level, int width, int height, int threads, boolean stock, int type) {
    this.level = level;
    this.jxZoom = TOTAL_MAP_ZOOM - level;
    this.target = new BufferedImage(width, height, type);
    int maxZoom = stock ? TOTAL_MAP_ZOOM - 2 : jxZoom;
    int minZoom = stock ? 1 : Math.min(1, jxZoom);
    TileFactoryInfo info =
        new TileFactoryInfo(
            "bench", minZoom, maxZoom, TOTAL_MAP_ZOOM, TILE, true, true, baseUrl, "x", "y", "z") {
          @Override
          public String getTileUrl(int x, int y, int zoom) {
            return baseUrl + "/" + (TOTAL_MAP_ZOOM - zoom) + "/" + x + "/" + y + ".png";
          }
        };
    onEdt(
        () -> {
          factory = new DefaultTileFactory(info);
          factory.setThreadPoolSize(threads);
          factory.addTileListener(
              tile -> {
                long now = System.nanoTime();
                firstLoaded.compareAndSet(0, now);
                lastLoaded.set(now);
                loaded.release();
              });
          viewer = new JXMapViewer();
          viewer.setTileFactory(factory);
          viewer.setSize(width, height);
          viewer.setZoom(jxZoom);
          if (viewer.getZoom() != jxZoom || factory.getMapSize(jxZoom).width != 1 << level) {
            throw new IllegalStateException(
                "JXMapViewer zoom " + viewer.getZoom() + " is not XYZ level " + level);
          }
          return null;
        });
  }

  /** Centres the view on the world pixel ({@code x}, {@code y}) at the view's level. */
  void centre(double x, double y) {
    onEdt(
        () -> {
          viewer.setCenter(new Point2D.Double(x, y));
          return null;
        });
  }

  /** The tiles the view needs (those its paint asks for): every tile the viewport overlaps. */
  Set<TileId> visible() {
    return onEdt(
        () -> {
          Rectangle b = viewer.getViewportBounds();
          Set<TileId> out = new LinkedHashSet<>();
          for (int y = Math.floorDiv(b.y, TILE);
              y <= Math.floorDiv(b.y + b.height - 1, TILE);
              y++) {
            for (int x = Math.floorDiv(b.x, TILE);
                x <= Math.floorDiv(b.x + b.width - 1, TILE);
                x++) {
              out.add(new TileId(level, x, y));
            }
          }
          return out;
        });
  }

  /**
   * Paints the view (on the event thread, into the image) until a paint found every tile of the
   * view loaded, painting again whenever the factory says a tile arrived: the time from the first
   * paint to the end of the complete one.
   */
  Settled settle(long timeoutNanos) throws InterruptedException {
    Set<TileId> tiles = visible();
    loaded.drainPermits();
    firstLoaded.set(0);
    lastLoaded.set(0);
    long t0 = System.nanoTime();
    int paints = 0;
    while (true) {
      paints++;
      if (paintAndCheck(tiles)) {
        long t = System.nanoTime() - t0;
        long first = firstLoaded.get();
        long last = lastLoaded.get();
        return new Settled(
            t, paints, first == 0 ? 0 : first - t0, last == 0 ? 0 : last - t0, tiles);
      }
      long left = timeoutNanos - (System.nanoTime() - t0);
      if (left <= 0 || !loaded.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException(
            NAME + " did not load all " + tiles.size() + " tiles of the view in time");
      }
      loaded.drainPermits();
    }
  }

  private boolean paintAndCheck(Set<TileId> tiles) {
    return onEdt(
        () -> {
          Graphics2D g = target.createGraphics();
          try {
            g.setClip(0, 0, target.getWidth(), target.getHeight());
            viewer.paint(g);
          } finally {
            g.dispose();
          }
          // Loaded flags change on this thread only, so they are what the paint just saw.
          for (TileId t : tiles) {
            if (!factory.getTile(t.x(), t.y(), jxZoom).isLoaded()) {
              return false;
            }
          }
          return true;
        });
  }

  /** Waits until the factory has no tile queued or loading (parents asked for as stand-ins). */
  void awaitIdle(long timeoutNanos) throws InterruptedException {
    long end = System.nanoTime() + timeoutNanos;
    while (factory.getPendingTiles() > 0 && System.nanoTime() < end) {
      Thread.sleep(2);
    }
  }

  BufferedImage image() {
    return target;
  }

  @Override
  public void close() {
    onEdt(
        () -> {
          factory.dispose();
          return null;
        });
  }

  private interface EdtTask<T> {
    T run();
  }

  private static <T> T onEdt(EdtTask<T> task) {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            out.set(task.run());
            done.set(true);
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Swing event thread", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
    if (!done.get()) {
      throw new IllegalStateException("the Swing event thread did not run the task");
    }
    return out.get();
  }
}
