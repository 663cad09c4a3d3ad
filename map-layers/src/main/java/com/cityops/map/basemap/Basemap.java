package com.cityops.map.basemap;

import com.cityops.map.basemap.TileRasterizer.DataKey;
import com.cityops.map.basemap.TileRasterizer.TileImage;
import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.maplibre.Expression;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.maplibre.Sprite;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.style.Rgba;
import com.cityops.map.vector.VectorTileRenderer;
import com.cityops.map.view.Viewport;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;

/**
 * A MapLibre style over its tile sources, drawn into any view: the basemap under the city's layers,
 * and the engine of static map images. Tiles are loaded (files, network) on loader threads and
 * rasterised on a painter thread at the size the view shows them, then kept in a memory cache;
 * {@link #paint} only copies finished tile images into the view's image and never waits — a tile
 * not ready yet is drawn from a cached ancestor scaled up (or its cached children), and asked for.
 * Tile edges land on whole device pixels, so neighbouring tiles meet without seams. {@link
 * #onChange} hears when a tile became ready, to draw the view again.
 *
 * <p>Deeper than a source's data goes, its deepest tiles are magnified (overzoom). Labels are
 * placed per tile. Broken tiles and style features not drawn go to {@link #problems()}.
 *
 * <p>Thread-safe. {@link #close} stops the threads and closes the sources.
 */
public final class Basemap implements AutoCloseable {
  /** How {@link #paint} treats tiles that are not ready at the view's exact size. */
  public enum Mode {
    /** The view is moving: any cached size of a tile will do; only missing tiles are asked for. */
    MOVING,
    /** The view rests: tiles shown at another size are drawn anew at this one. */
    SETTLED,
    /** Static images: load and draw every tile now, on the calling thread. */
    COMPLETE
  }

  /** What one paint showed: tiles at the right size, stand-ins (other size, ancestor), nothing. */
  public record Coverage(int tiles, int exact, int substituted, int blank) {
    public boolean complete() {
      return exact == tiles;
    }
  }

  private static final int MAX_FALLBACK_LEVELS = 8;
  private static final long IMAGE_BUDGET_BYTES = 192L << 20;
  private static final long DATA_BUDGET_BYTES = 96L << 20;

  private final MapLibreStyle style;
  private final Map<String, BasemapSource> sources;
  private final TileRasterizer tiles;
  private final BasemapProblems problems;
  private final ExecutorService loaders;
  private final ExecutorService painter;
  private final WeightedLru<DataKey, LoadedTile> data = new WeightedLru<>(DATA_BUDGET_BYTES);
  private final WeightedLru<TileId, TileImage> images = new WeightedLru<>(IMAGE_BUDGET_BYTES);
  private final Map<DataKey, CompletableFuture<LoadedTile>> loading = new ConcurrentHashMap<>();
  private final Map<TileId, Integer> painting = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private volatile Set<TileId> wanted = Set.of();
  private volatile Runnable onChange = () -> {};

  private Basemap(
      MapLibreStyle style,
      Map<String, BasemapSource> sources,
      Sprite sprite,
      PlanRasterizer rasterizer,
      BasemapProblems problems) {
    this.style = style;
    this.sources = sources;
    this.tiles =
        new TileRasterizer(
            style, sources, new VectorTileRenderer(style, rasterizer, sprite), rasterizer);
    this.problems = problems;
    this.loaders = Executors.newFixedThreadPool(4, threads("cityops-basemap-load"));
    // One painter on a two-core workstation (the FX and render threads need the other core); more
    // on the multi-core PCs that drive walls, where a cold 4K view has ten times the tiles.
    this.painter =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1)),
            threads("cityops-basemap-paint"));
  }

  /**
   * Binds {@code style}'s sources through {@code resolver}. A source that cannot be opened is
   * reported and left out (its layers draw nothing); so are the style's unsupported features.
   * Blocking (a TileJSON may be fetched): call it off the UI thread.
   */
  public static Basemap open(
      MapLibreStyle style,
      BasemapSources resolver,
      PlanRasterizer rasterizer,
      BasemapProblems problems) {
    Map<String, BasemapSource> bound = new LinkedHashMap<>();
    for (MapLibreStyle.Source s : style.sources().values()) {
      try {
        bound.put(s.id(), resolver.open(s, m -> problems.note("source " + s.id(), m)));
      } catch (RuntimeException e) {
        problems.report("source " + s.id(), "source '" + s.id() + "' left out: " + e.getMessage());
      }
    }
    Sprite sprite = null;
    if (style.sprite() != null) {
      try {
        sprite = resolver.sprite(style.sprite());
      } catch (RuntimeException e) {
        problems.report(
            "sprite",
            "sprite " + style.sprite() + " not loaded, icons left out: " + e.getMessage());
      }
    }
    return new Basemap(style, Map.copyOf(bound), sprite, rasterizer, problems).reportStyle();
  }

  /** A basemap over sources already bound (tests wrap them: slow, broken). */
  static Basemap of(
      MapLibreStyle style,
      Map<String, BasemapSource> sources,
      PlanRasterizer rasterizer,
      BasemapProblems problems) {
    return new Basemap(style, Map.copyOf(sources), null, rasterizer, problems).reportStyle();
  }

  private Basemap reportStyle() {
    forwardStyleProblems();
    return this;
  }

  private int styleProblemsForwarded;

  /** The style's problems found so far (reading, then drawing: an icon not in the sprite). */
  private synchronized void forwardStyleProblems() {
    List<String> all = style.problems().list();
    String name = style.name() == null ? "(unnamed)" : "'" + style.name() + "'";
    for (String p : all.subList(Math.min(styleProblemsForwarded, all.size()), all.size())) {
      problems.report("style " + p, "style " + name + ": " + p);
    }
    styleProblemsForwarded = all.size();
  }

  /**
   * Bytes the memory caches hold now (tile images and decoded tile data); each stays within its
   * budget, {@link #cacheBudgetBytes()} in all.
   */
  public long cacheBytes() {
    return images.weight() + data.weight();
  }

  public static long cacheBudgetBytes() {
    return IMAGE_BUDGET_BYTES + DATA_BUDGET_BYTES;
  }

  public MapLibreStyle style() {
    return style;
  }

  public BasemapProblems problems() {
    return problems;
  }

  /** Rises whenever a tile image became ready or failed; a view drawn at an older one is behind. */
  public long version() {
    return version.get();
  }

  /** Told (on a basemap thread) when a tile became ready; keep it short and thread-safe. */
  public void onChange(Runnable listener) {
    this.onChange = listener == null ? () -> {} : listener;
  }

  /** The sources' attributions, each once, for the map's credit line. */
  public String attribution() {
    List<String> parts = new ArrayList<>();
    for (BasemapSource s : sources.values()) {
      MapLibreStyle.Source declared = style.sources().get(s.id());
      String a =
          declared != null && declared.attribution() != null && !declared.attribution().isBlank()
              ? declared.attribution()
              : s.attribution();
      if (a != null && !a.isBlank() && !parts.contains(a.strip())) {
        parts.add(a.strip());
      }
    }
    return String.join(" · ", parts);
  }

  /** The style's background colour at {@code zoom}, or null when it has no background layer. */
  public Rgba background(double zoom) {
    for (MapLibreStyle.Layer l : style.layers()) {
      if (l.type() == MapLibreStyle.Layer.Type.BACKGROUND && l.visibleAt(zoom)) {
        return Expression.color(
            l.property("paint", "background-color").evaluate(Expression.Context.zoom(zoom)));
      }
    }
    return null;
  }

  /**
   * Draws the basemap for {@code view} (logical pixels, {@code scale} device pixels each) into
   * {@code target}, whose pixel (0, 0) is the view's top left corner.
   */
  public Coverage paint(BufferedImage target, Viewport view, double scale, Mode mode) {
    int z = level(view.zoom());
    double span = 2 * WebMercator.HALF_WORLD / (1 << z);
    int px = Math.max(1, (int) Math.round(256 * Math.pow(2, view.zoom() - z) * scale));
    Envelope b = view.bounds();
    int n = 1 << z;
    int x0 = clampTile((int) Math.floor((b.getMinX() + WebMercator.HALF_WORLD) / span), n);
    int x1 = clampTile((int) Math.floor((b.getMaxX() + WebMercator.HALF_WORLD) / span), n);
    int y0 = clampTile((int) Math.floor((WebMercator.HALF_WORLD - b.getMaxY()) / span), n);
    int y1 = clampTile((int) Math.floor((WebMercator.HALF_WORLD - b.getMinY()) / span), n);
    List<TileId> tiles = new ArrayList<>();
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        tiles.add(new TileId(z, x, y));
      }
    }
    // Nearest the centre first: that is where the operator looks while tiles come in.
    double cx = (view.centerX() + WebMercator.HALF_WORLD) / span;
    double cy = (WebMercator.HALF_WORLD - view.centerY()) / span;
    tiles.sort(
        java.util.Comparator.comparingDouble(t -> Math.hypot(t.x() + 0.5 - cx, t.y() + 0.5 - cy)));
    if (mode != Mode.COMPLETE) {
      wanted = Set.copyOf(tiles);
    }
    Graphics2D g = target.createGraphics();
    try {
      Rgba bg = background(view.zoom());
      g.setComposite(AlphaComposite.Src);
      g.setColor(bg == null ? new Color(0, true) : awt(bg));
      g.fillRect(0, 0, target.getWidth(), target.getHeight());
      g.setComposite(AlphaComposite.SrcOver);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int exact = 0;
      int substituted = 0;
      int blank = 0;
      for (TileId t : tiles) {
        int[] r = deviceRect(t, view, scale, span);
        TileImage cached = images.get(t);
        if (cached != null && cached.px() == px) {
          draw(g, cached, r);
          exact++;
        } else if (mode == Mode.COMPLETE) {
          draw(g, rasterise(t, view.zoom(), px, scale, true), r);
          exact++;
        } else {
          boolean far = cached != null && (cached.px() > 2 * px || 2 * cached.px() < px);
          if (cached == null || mode == Mode.SETTLED || far) {
            request(t, view.zoom(), px, scale);
          }
          if (cached != null) {
            draw(g, cached, r);
            substituted++;
          } else if (standIn(g, t, r)) {
            substituted++;
          } else {
            blank++;
          }
        }
      }
      return new Coverage(tiles.size(), exact, substituted, blank);
    } finally {
      g.dispose();
    }
  }

  /**
   * Copies a tile image into its square: an opaque one replaces what is there (a straight copy,
   * several times cheaper than blending), a transparent one is blended over the background.
   */
  private static void draw(Graphics2D g, TileImage tile, int[] r) {
    g.setComposite(tile.opaque() ? AlphaComposite.Src : AlphaComposite.SrcOver);
    g.drawImage(tile.image(), r[0], r[1], r[2] - r[0], r[3] - r[1], null);
  }

  /** The tile level a view at {@code zoom} uses: the nearest whole level, within the tile grid. */
  static int level(double zoom) {
    return Math.max(0, Math.min(22, (int) Math.round(zoom)));
  }

  private static int clampTile(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  /** The tile's square in device pixels, edges rounded so neighbours share them exactly. */
  private static int[] deviceRect(TileId t, Viewport view, double scale, double span) {
    double minX = -WebMercator.HALF_WORLD + t.x() * span;
    double maxY = WebMercator.HALF_WORLD - t.y() * span;
    return new int[] {
      (int) Math.round(view.screenX(minX) * scale),
      (int) Math.round(view.screenY(maxY) * scale),
      (int) Math.round(view.screenX(minX + span) * scale),
      (int) Math.round(view.screenY(maxY - span) * scale)
    };
  }

  /** Draws the nearest cached ancestor's part (magnified), else the cached children; or false. */
  private boolean standIn(Graphics2D g, TileId t, int[] r) {
    g.setComposite(AlphaComposite.SrcOver);
    TileId a = t;
    for (int up = 1; up <= MAX_FALLBACK_LEVELS && a.z() > 0; up++) {
      a = a.parent();
      TileImage cached = images.peek(a);
      if (cached != null) {
        int k = 1 << up;
        double cell = cached.image().getWidth() / (double) k;
        int dx = t.x() - (a.x() << up);
        int dy = t.y() - (a.y() << up);
        g.drawImage(
            cached.image(),
            r[0],
            r[1],
            r[2],
            r[3],
            (int) Math.floor(dx * cell),
            (int) Math.floor(dy * cell),
            (int) Math.ceil((dx + 1) * cell),
            (int) Math.ceil((dy + 1) * cell),
            null);
        return true;
      }
    }
    if (t.z() >= 22) {
      return false;
    }
    boolean any = false;
    int midX = (r[0] + r[2]) / 2;
    int midY = (r[1] + r[3]) / 2;
    for (int dy = 0; dy < 2; dy++) {
      for (int dx = 0; dx < 2; dx++) {
        TileImage child = images.peek(new TileId(t.z() + 1, 2 * t.x() + dx, 2 * t.y() + dy));
        if (child != null) {
          int left = dx == 0 ? r[0] : midX;
          int top = dy == 0 ? r[1] : midY;
          int right = dx == 0 ? midX : r[2];
          int bottom = dy == 0 ? midY : r[3];
          g.drawImage(child.image(), left, top, right - left, bottom - top, null);
          any = true;
        }
      }
    }
    return any;
  }

  /** Asks for {@code t} drawn at {@code px} device pixels, once, off the calling thread. */
  private void request(TileId t, double zoom, int px, double scale) {
    if (painting.putIfAbsent(t, px) != null) {
      return;
    }
    List<CompletableFuture<LoadedTile>> loads = new ArrayList<>();
    for (DataKey need : tiles.needs(t, zoom)) {
      loads.add(loadAsync(need));
    }
    try {
      CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
          .whenCompleteAsync(
              (ok, failure) -> {
                try {
                  if (wanted.contains(t)) {
                    rasterise(t, zoom, px, scale, false);
                  }
                } catch (RuntimeException e) {
                  problems.report("paint", "tile " + t + " could not be drawn: " + e);
                } finally {
                  painting.remove(t);
                  version.incrementAndGet();
                  onChange.run();
                }
              },
              painter);
    } catch (RejectedExecutionException closed) {
      painting.remove(t);
    }
  }

  /** Draws {@code t} (loading what is not held yet, on this thread) and keeps the image. */
  private TileImage rasterise(TileId t, double zoom, int px, double scale, boolean loadNow) {
    // Data evicted between load and paint is rare, and we are off the UI thread: load it again.
    TileImage drawn =
        tiles.rasterise(
            t,
            zoom,
            px,
            scale,
            need -> {
              LoadedTile held = loadNow ? null : data.get(need);
              return held != null ? held : loadNow(need);
            });
    images.put(t, drawn, drawn.bytes());
    forwardStyleProblems();
    return drawn;
  }

  private CompletableFuture<LoadedTile> loadAsync(DataKey key) {
    LoadedTile held = data.get(key);
    if (held != null) {
      return CompletableFuture.completedFuture(held);
    }
    return loading.computeIfAbsent(
        key,
        k ->
            CompletableFuture.supplyAsync(() -> loadNow(k), loaders)
                .whenComplete((v, e) -> loading.remove(k)));
  }

  private LoadedTile loadNow(DataKey key) {
    LoadedTile held = data.get(key);
    if (held != null) {
      return held;
    }
    BasemapSource s = sources.get(key.source());
    LoadedTile loaded;
    try {
      loaded = s.load(key.tile());
    } catch (RuntimeException e) {
      loaded = new LoadedTile.Broken("source " + key.source() + " tile " + key.tile() + ": " + e);
    }
    if (loaded instanceof LoadedTile.Broken broken) {
      problems.report("source " + key.source() + ": tiles", broken.message());
    }
    data.put(key, loaded, loaded.weight());
    return loaded;
  }

  private static Color awt(Rgba c) {
    return new Color(c.r(), c.g(), c.b(), (int) Math.round(c.a() * 255));
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    };
  }

  @Override
  public void close() {
    loaders.shutdownNow();
    painter.shutdownNow();
    for (BasemapSource s : sources.values()) {
      try {
        s.close();
      } catch (Exception e) {
        problems.report("close", "source " + s.id() + " did not close cleanly: " + e);
      }
    }
  }
}
