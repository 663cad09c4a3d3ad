package com.cityops.bench;

import com.cityops.map.basemap.Basemap;
import com.cityops.map.basemap.BasemapProblems;
import com.cityops.map.basemap.BasemapSources;
import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.tiles.MbTilesSource;
import com.cityops.map.tiles.TileResult;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileRenderer;
import com.cityops.map.view.Viewport;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.locationtech.jts.geom.Envelope;

/**
 * Parts 2 and 3 of the {@code basemap} workload: time to a complete view.
 *
 * <p><b>Vector</b> (the bundled dark style over the offline pack): per round a new {@link Basemap}
 * (empty caches) is {@linkplain Basemap.Mode#SETTLED painted} as the app's surface paints it —
 * again on every {@link Basemap#onChange} — until its {@link Basemap.Coverage#complete()} (cold);
 * then the same view again (warm: every tile cached) and the view panned west by half its width
 * (only the new tiles load). Then another new basemap draws the view in {@linkplain
 * Basemap.Mode#COMPLETE complete} mode (the {@code cityops render} path) on the calling thread.
 *
 * <p><b>Raster against JXMapViewer2</b>: PNG tiles of the same view (drawn once, before timing, by
 * our engine from the pack) are served by a {@link LoopbackTileServer}; ours is a style with one
 * {@code raster} source whose {@code tiles} template points there, through the same SETTLED loop;
 * the peer is {@link JxMapViewerPeer}. Each candidate per round: cold (new basemap / new factory),
 * warm, pan by half the width. Candidates take turns (their order flips every round), never at the
 * same time; the server counts the tiles each one fetched.
 *
 * <p>Not thread-safe; runs on the calling thread (the engines use their own threads).
 */
final class BasemapViews {
  /**
   * How one view came to be complete: time from the first paint to the end of the complete one,
   * paints, and when the first and the last tile became ready (ns after the first paint; 0 when
   * none had to).
   */
  record Settled(
      long nanos, int paints, long firstTileNanos, long lastTileNanos, Basemap.Coverage coverage) {}

  /** A figure per name, sampled once per measured round. */
  static final class Figures {
    private final Map<String, Samples> samples = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    void add(String name, double value) {
      samples.computeIfAbsent(name, k -> new Samples()).add(value);
    }

    Samples get(String name) {
      return samples.getOrDefault(name, new Samples());
    }

    void fact(String name, Object value) {
      facts.put(name, value);
    }

    Object fact(String name) {
      return facts.get(name);
    }
  }

  private final Viewport view;
  private final Viewport panned;
  private final int warmupRounds;
  private final int rounds;
  private final long timeoutNanos;
  private final Supplier<PlanRasterizer> rasterizers;
  private final BasemapProblems problems;
  private final Path scratch;

  BasemapViews(
      Viewport view,
      int warmupRounds,
      int rounds,
      double timeoutSeconds,
      Supplier<PlanRasterizer> rasterizers,
      BasemapProblems problems,
      Path scratch) {
    this.view = snapped(view);
    // West, where the new tiles hold streets and grid (east is mostly sea). Either way about half
    // the new tiles lie beyond Shanghai, outside the pack, and draw as background only.
    this.panned = this.view.panBy(view.width() / 2, 0);
    this.warmupRounds = warmupRounds;
    this.rounds = rounds;
    this.timeoutNanos = (long) (timeoutSeconds * 1e9);
    this.rasterizers = rasterizers;
    this.problems = problems;
    this.scratch = scratch;
  }

  // ------------------------------------------------------------------------------------ floors

  /**
   * The floors of a warm paint of the view, measured the same way: {@code clear_ms} fills the
   * view's {@code int[]} (F_clear of the suite); {@code blit_opaque_ms} clears it and draws the
   * view's tiles from opaque {@code TYPE_INT_RGB} 256 px images in memory at whole-pixel positions
   * (a copy: all a paint of cached opaque tiles has to do); {@code blit_alpha_ms} the same from
   * {@code TYPE_INT_ARGB_PRE} images of the same opaque colour, as the engine keeps its tiles
   * (Java2D then blends every pixel).
   */
  Figures floors() {
    BufferedImage target = image();
    int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
    BufferedImage opaque = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    BufferedImage alpha = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB_PRE);
    for (BufferedImage tile : List.of(opaque, alpha)) {
      Graphics2D g = tile.createGraphics();
      g.setColor(new java.awt.Color(0x0c1828));
      g.fillRect(0, 0, 256, 256);
      g.dispose();
    }
    List<TileId> tiles = tilesOf(view);
    Figures f = new Figures();
    for (int r = 0; r < warmupRounds + rounds; r++) {
      long t0 = System.nanoTime();
      Arrays.fill(pixels, 0);
      long t1 = System.nanoTime();
      blit(target, pixels, tiles, opaque);
      long t2 = System.nanoTime();
      blit(target, pixels, tiles, alpha);
      long t3 = System.nanoTime();
      if (r >= warmupRounds) {
        f.add("clear_ms", (t1 - t0) / 1e6);
        f.add("blit_opaque_ms", (t2 - t1) / 1e6);
        f.add("blit_alpha_ms", (t3 - t2) / 1e6);
      }
    }
    return f;
  }

  private void blit(BufferedImage target, int[] pixels, List<TileId> tiles, BufferedImage tile) {
    double span = 2 * WebMercator.HALF_WORLD / (1 << level(view));
    Arrays.fill(pixels, 0);
    Graphics2D g = target.createGraphics();
    for (TileId t : tiles) {
      double minX = -WebMercator.HALF_WORLD + t.x() * span;
      double maxY = WebMercator.HALF_WORLD - t.y() * span;
      g.drawImage(
          tile, (int) Math.round(view.screenX(minX)), (int) Math.round(view.screenY(maxY)), null);
    }
    g.dispose();
  }

  // ------------------------------------------------------------------------------- vector views

  Figures vector(Path styleFile) throws InterruptedException {
    MapLibreStyle style = MapLibreStyle.read(styleFile);
    BasemapSources sources = BasemapSources.beside(styleFile);
    BufferedImage target = image();
    Figures f = new Figures();
    f.fact("tiles", tilesOf(view).size());
    f.fact("pan_new_tiles", newTiles().size());
    for (int r = 0; r < warmupRounds + rounds; r++) {
      boolean measured = r >= warmupRounds;
      System.gc();
      long o0 = System.nanoTime();
      Settled cold;
      Settled warm;
      Settled pan;
      try (Basemap map = Basemap.open(style, sources, rasterizers.get(), problems)) {
        long o1 = System.nanoTime();
        cold = settle(map, target, view);
        if (measured && r == warmupRounds + rounds - 1) {
          write(target, "vector-view.png");
        }
        warm = settle(map, target, view);
        pan = settle(map, target, panned);
        if (measured) {
          f.add("open_ms", (o1 - o0) / 1e6);
        }
      }
      System.gc();
      long completeNanos;
      try (Basemap map = Basemap.open(style, sources, rasterizers.get(), problems)) {
        long c0 = System.nanoTime();
        Basemap.Coverage c = map.paint(target, view, 1, Basemap.Mode.COMPLETE);
        completeNanos = System.nanoTime() - c0;
        if (!c.complete()) {
          throw new IllegalStateException("COMPLETE mode left tiles out: " + c);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  vector %s %d: cold %.1f ms (%d paints), warm %.1f ms, pan %.1f ms (%d paints),"
              + " complete mode %.1f ms%n",
          measured ? "round" : "warm-up",
          measured ? r - warmupRounds + 1 : r + 1,
          cold.nanos() / 1e6,
          cold.paints(),
          warm.nanos() / 1e6,
          pan.nanos() / 1e6,
          pan.paints(),
          completeNanos / 1e6);
      if (measured) {
        f.add("cold_ms", cold.nanos() / 1e6);
        f.add("cold_first_tile_ms", cold.firstTileNanos() / 1e6);
        f.add("cold_last_tile_ms", cold.lastTileNanos() / 1e6);
        f.add("cold_paints", cold.paints());
        f.add("warm_ms", warm.nanos() / 1e6);
        f.add("warm_paints", warm.paints());
        f.add("pan_half_ms", pan.nanos() / 1e6);
        f.add("pan_paints", pan.paints());
        f.add("complete_mode_ms", completeNanos / 1e6);
      }
    }
    return f;
  }

  // ------------------------------------------------------------------- raster: ours against JX

  Figures raster(Path pack, Path styleFile, int serverThreads, int peerThreads, boolean stockPeer)
      throws Exception {
    Set<TileId> needed = new LinkedHashSet<>(tilesOf(view));
    needed.addAll(tilesOf(panned));
    Set<TileId> withParents = new LinkedHashSet<>(needed);
    needed.forEach(t -> withParents.add(t.parent()));
    Map<TileId, byte[]> png = pngTiles(pack, MapLibreStyle.read(styleFile), withParents);
    Figures f = new Figures();
    f.fact("tiles", tilesOf(view).size());
    f.fact("pan_new_tiles", newTiles().size());
    f.fact("png_mean_bytes", png.values().stream().mapToInt(b -> b.length).average().orElse(0));
    OkHttpClient http = new OkHttpClient();
    try (LoopbackTileServer server = new LoopbackTileServer(png, serverThreads)) {
      Path rasterStyle = scratch.resolve("raster-style.json");
      Files.writeString(rasterStyle, rasterStyle(server.template()));
      MapLibreStyle style = MapLibreStyle.read(rasterStyle);
      BasemapSources sources = new BasemapSources(scratch.toUri(), http, null);
      double[] centre = worldPixel(view);
      BufferedImage target = image();
      checkSameTiles(server, peerThreads, centre, f);
      for (int r = 0; r < warmupRounds + rounds; r++) {
        boolean measured = r >= warmupRounds;
        boolean last = r == warmupRounds + rounds - 1;
        String label = (measured ? "round " + (r - warmupRounds + 1) : "warm-up " + (r + 1)) + ": ";
        StringBuilder line = new StringBuilder("  raster " + label);
        for (int turn = 0; turn < 2; turn++) {
          boolean oursNow = (turn == 0) == (r % 2 == 0);
          System.gc();
          if (oursNow) {
            oursRaster(server, style, sources, target, measured, last, f, line);
          } else {
            peerRaster(server, centre, peerThreads, measured, last, f, line);
          }
        }
        if (measured) {
          // The two candidates of one round ran back to back: their ratio is the least disturbed
          // by load that comes and goes on a shared machine.
          for (String m : List.of("cold_ms", "warm_ms", "pan_half_ms")) {
            f.add("paired_speedup." + m, f.get("peer." + m).last() / f.get("ours." + m).last());
          }
        }
        if (stockPeer) {
          System.gc();
          stockRaster(server, centre, peerThreads, measured, f, line);
        }
        System.out.println(line);
      }
    }
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
    return f;
  }

  private void oursRaster(
      LoopbackTileServer server,
      MapLibreStyle style,
      BasemapSources sources,
      BufferedImage target,
      boolean measured,
      boolean last,
      Figures f,
      StringBuilder line)
      throws InterruptedException {
    try (Basemap map = Basemap.open(style, sources, rasterizers.get(), problems)) {
      server.reset();
      Settled cold = settle(map, target, view);
      int coldRequests = server.requests();
      Set<TileId> coldTiles = server.asked();
      if (last) {
        write(target, "raster-view-ours.png");
        f.fact("ours_image", copy(target));
      }
      server.reset();
      Settled warm = settle(map, target, view);
      int warmRequests = server.requests();
      server.reset();
      Settled pan = settle(map, target, panned);
      int panRequests = server.requests();
      line.append(
          String.format(
              Locale.ROOT,
              "ours cold %.1f ms (%d paints, %d requests), warm %.1f, pan %.1f (%d requests); ",
              cold.nanos() / 1e6,
              cold.paints(),
              coldRequests,
              warm.nanos() / 1e6,
              pan.nanos() / 1e6,
              panRequests));
      if (measured) {
        f.add("ours.cold_ms", cold.nanos() / 1e6);
        f.add("ours.cold_first_tile_ms", cold.firstTileNanos() / 1e6);
        f.add("ours.cold_last_tile_ms", cold.lastTileNanos() / 1e6);
        f.add("ours.cold_paints", cold.paints());
        f.add("ours.cold_requests", coldRequests);
        f.add("ours.warm_ms", warm.nanos() / 1e6);
        f.add("ours.warm_requests", warmRequests);
        f.add("ours.pan_half_ms", pan.nanos() / 1e6);
        f.add("ours.pan_paints", pan.paints());
        f.add("ours.pan_requests", panRequests);
        f.fact("ours.cold_tiles", coldTiles);
      }
    }
  }

  private void peerRaster(
      LoopbackTileServer server,
      double[] centre,
      int threads,
      boolean measured,
      boolean last,
      Figures f,
      StringBuilder line)
      throws InterruptedException {
    try (JxMapViewerPeer peer =
        new JxMapViewerPeer(
            server.base(),
            level(view),
            (int) view.width(),
            (int) view.height(),
            threads,
            false,
            BufferedImage.TYPE_INT_ARGB_PRE)) {
      peer.centre(centre[0], centre[1]);
      server.reset();
      JxMapViewerPeer.Settled cold = peer.settle(timeoutNanos);
      int coldRequests = server.requests();
      Set<TileId> coldTiles = server.asked();
      if (last) {
        write(peer.image(), "raster-view-jxmapviewer2.png");
        f.fact("peer_image", copy(peer.image()));
      }
      server.reset();
      JxMapViewerPeer.Settled warm = peer.settle(timeoutNanos);
      int warmRequests = server.requests();
      peer.centre(centre[0] - view.width() / 2, centre[1]);
      server.reset();
      JxMapViewerPeer.Settled pan = peer.settle(timeoutNanos);
      int panRequests = server.requests();
      peer.awaitIdle(timeoutNanos);
      line.append(
          String.format(
              Locale.ROOT,
              "JX cold %.1f ms (%d paints, %d requests), warm %.1f, pan %.1f (%d requests); ",
              cold.nanos() / 1e6,
              cold.paints(),
              coldRequests,
              warm.nanos() / 1e6,
              pan.nanos() / 1e6,
              panRequests));
      if (measured) {
        f.add("peer.cold_ms", cold.nanos() / 1e6);
        f.add("peer.cold_first_tile_ms", cold.firstTileNanos() / 1e6);
        f.add("peer.cold_last_tile_ms", cold.lastTileNanos() / 1e6);
        f.add("peer.cold_paints", cold.paints());
        f.add("peer.cold_requests", coldRequests);
        f.add("peer.warm_ms", warm.nanos() / 1e6);
        f.add("peer.warm_requests", warmRequests);
        f.add("peer.pan_half_ms", pan.nanos() / 1e6);
        f.add("peer.pan_paints", pan.paints());
        f.add("peer.pan_requests", panRequests);
        f.fact("peer.cold_tiles", coldTiles);
      }
    }
  }

  /** JXMapViewer2 as shipped (OSM's zoom limits): it also fetches parents as stand-ins. */
  private void stockRaster(
      LoopbackTileServer server,
      double[] centre,
      int threads,
      boolean measured,
      Figures f,
      StringBuilder line)
      throws InterruptedException {
    try (JxMapViewerPeer peer =
        new JxMapViewerPeer(
            server.base(),
            level(view),
            (int) view.width(),
            (int) view.height(),
            threads,
            true,
            BufferedImage.TYPE_INT_ARGB_PRE)) {
      peer.centre(centre[0], centre[1]);
      server.reset();
      JxMapViewerPeer.Settled cold = peer.settle(timeoutNanos);
      int coldRequests = server.requests();
      peer.awaitIdle(timeoutNanos);
      int allRequests = server.requests();
      line.append(
          String.format(
              Locale.ROOT,
              "JX stock cold %.1f ms (%d requests until complete, %d in all)",
              cold.nanos() / 1e6,
              coldRequests,
              allRequests));
      if (measured) {
        f.add("stock.cold_ms", cold.nanos() / 1e6);
        f.add("stock.cold_requests", coldRequests);
        f.add("stock.all_requests", allRequests);
      }
    }
  }

  /** Both candidates must fetch the same tiles for the view; says so, or fails. */
  private void checkSameTiles(
      LoopbackTileServer server, int peerThreads, double[] centre, Figures f) {
    Set<TileId> ours = new LinkedHashSet<>(tilesOf(view));
    Set<TileId> peer;
    try (JxMapViewerPeer probe =
        new JxMapViewerPeer(
            server.base(),
            level(view),
            (int) view.width(),
            (int) view.height(),
            peerThreads,
            false,
            BufferedImage.TYPE_INT_ARGB_PRE)) {
      probe.centre(centre[0], centre[1]);
      peer = probe.visible();
    }
    if (!ours.equals(peer)) {
      throw new IllegalStateException(
          "the candidates' views need different tiles: ours " + ours + ", peer " + peer);
    }
    f.fact("same_tiles", true);
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * Paints {@code v} SETTLED into {@code target}, again after every {@link Basemap#onChange}, until
   * a paint is complete: the time from the first paint to the end of the complete one.
   */
  Settled settle(Basemap map, BufferedImage target, Viewport v) throws InterruptedException {
    Semaphore changed = new Semaphore(0);
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    map.onChange(
        () -> {
          long now = System.nanoTime();
          first.compareAndSet(0, now);
          last.set(now);
          changed.release();
        });
    long t0 = System.nanoTime();
    int paints = 0;
    while (true) {
      Basemap.Coverage c = map.paint(target, v, 1, Basemap.Mode.SETTLED);
      paints++;
      if (c.complete()) {
        long t = System.nanoTime() - t0;
        map.onChange(null);
        return new Settled(
            t,
            paints,
            first.get() == 0 ? 0 : first.get() - t0,
            last.get() == 0 ? 0 : last.get() - t0,
            c);
      }
      long left = timeoutNanos - (System.nanoTime() - t0);
      if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("the basemap did not complete the view in time: " + c);
      }
      changed.drainPermits();
    }
  }

  /** The tiles {@link Basemap#paint} draws for {@code v}: its level, every tile the view meets. */
  static List<TileId> tilesOf(Viewport v) {
    int z = level(v);
    double span = 2 * WebMercator.HALF_WORLD / (1 << z);
    Envelope b = v.bounds();
    int n = 1 << z;
    int x0 = clamp((int) Math.floor((b.getMinX() + WebMercator.HALF_WORLD) / span), n);
    int x1 = clamp((int) Math.floor((b.getMaxX() + WebMercator.HALF_WORLD) / span), n);
    int y0 = clamp((int) Math.floor((WebMercator.HALF_WORLD - b.getMaxY()) / span), n);
    int y1 = clamp((int) Math.floor((WebMercator.HALF_WORLD - b.getMinY()) / span), n);
    List<TileId> out = new ArrayList<>();
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        out.add(new TileId(z, x, y));
      }
    }
    return out;
  }

  /** The tiles of the (snapped) view. */
  List<TileId> viewTiles() {
    return tilesOf(view);
  }

  /** The tiles the half-screen pan brings into the view. */
  Set<TileId> newTiles() {
    Set<TileId> s = new LinkedHashSet<>(tilesOf(panned));
    tilesOf(view).forEach(s::remove);
    return s;
  }

  static int level(Viewport v) {
    return Math.max(0, Math.min(22, (int) Math.round(v.zoom())));
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  /**
   * {@code v} moved by less than a pixel so that its top left corner falls on a whole world pixel
   * of its level: JXMapViewer truncates the corner to whole pixels, ours rounds tile edges, so only
   * then do both put every tile at the same pixel and their images can be compared.
   */
  static Viewport snapped(Viewport v) {
    double world = 256.0 * (1 << level(v));
    double scale = WebMercator.worldSize(v.zoom()) / world; // 1 at a whole zoom
    double[] c = worldPixel(v);
    double x = Math.round(c[0] - v.width() / 2 / scale) + v.width() / 2 / scale;
    double y = Math.round(c[1] - v.height() / 2 / scale) + v.height() / 2 / scale;
    double hw = WebMercator.HALF_WORLD;
    return new Viewport(
        x / world * 2 * hw - hw, hw - y / world * 2 * hw, v.zoom(), v.width(), v.height());
  }

  /** The view's centre in world pixels at its level (256 px tiles), as JXMapViewer counts them. */
  static double[] worldPixel(Viewport v) {
    double world = 256.0 * (1 << level(v));
    double hw = WebMercator.HALF_WORLD;
    return new double[] {
      (v.centerX() + hw) / (2 * hw) * world, (hw - v.centerY()) / (2 * hw) * world
    };
  }

  /** The raster style of ours: one raster source on the loopback server, one raster layer. */
  static String rasterStyle(String template) {
    return "{\"version\":8,\"name\":\"bench raster\",\"sources\":{\"raster\":{\"type\":\"raster\","
        + "\"tiles\":[\""
        + template
        + "\"],\"tileSize\":256,\"minzoom\":0,\"maxzoom\":19}},"
        + "\"layers\":[{\"id\":\"raster\",\"type\":\"raster\",\"source\":\"raster\"}]}";
  }

  /** PNG tiles (opaque RGB) of the pack drawn with {@code style} by our engine, once. */
  private Map<TileId, byte[]> pngTiles(Path pack, MapLibreStyle style, Set<TileId> tiles) {
    String source = style.sources().keySet().iterator().next();
    VectorTileRenderer renderer = new VectorTileRenderer(style, rasterizers.get());
    Map<TileId, byte[]> out = new LinkedHashMap<>();
    try (MbTilesSource data = MbTilesSource.open(pack)) {
      for (TileId t : tiles) {
        TileResult r = data.tile(t);
        VectorTile v =
            r instanceof TileResult.Found found
                ? MvtDecoder.decode(found.data().bytes(), problem -> {})
                : new VectorTile(List.of());
        BufferedImage drawn = renderer.render(t, Map.of(source, v), 256, 1);
        BufferedImage rgb = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(drawn, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(rgb, "png", bytes);
        out.put(t, bytes.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Share of pixels whose colour differs by more than 2 levels in a channel, in %. */
  static double differingPixels(BufferedImage a, BufferedImage b) {
    long differ = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 32; shift += 8) {
          if (Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff)) > 2) {
            differ++;
            break;
          }
        }
      }
    }
    return 100.0 * differ / ((long) a.getWidth() * a.getHeight());
  }

  private BufferedImage image() {
    return new BufferedImage(
        (int) view.width(), (int) view.height(), BufferedImage.TYPE_INT_ARGB_PRE);
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    Graphics2D g = c.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return c;
  }

  private void write(BufferedImage image, String name) {
    BufferedImage argb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = argb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    try {
      ImageIO.write(argb, "png", scratch.resolve(name).toFile());
    } catch (IOException e) {
      System.out.println("  (could not write " + name + ": " + e.getMessage() + ")");
    }
  }
}
