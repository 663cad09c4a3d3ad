package com.cityops.map.basemap;

import com.cityops.map.geo.TileId;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.DrawOp;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileRenderer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Draws one tile of the basemap: which sources' tiles it needs (an ancestor's deeper than a source
 * goes), and the tile image from their data — vector data magnified from an ancestor when
 * overzoomed, raster pixels cropped likewise. Knows nothing of caches or threads. Thread-safe.
 */
final class TileRasterizer {
  /** One source's tile. */
  record DataKey(String source, TileId tile) {}

  /** A drawn tile: its image, its size in device pixels, and whether every pixel is opaque. */
  record TileImage(BufferedImage image, int px, boolean opaque) {
    long bytes() {
      return 4L * px * px;
    }
  }

  private final MapLibreStyle style;
  private final Map<String, BasemapSource> sources;
  private final VectorTileRenderer renderer;
  private final PlanRasterizer rasterizer;

  TileRasterizer(
      MapLibreStyle style,
      Map<String, BasemapSource> sources,
      VectorTileRenderer renderer,
      PlanRasterizer rasterizer) {
    this.style = style;
    this.sources = sources;
    this.renderer = renderer;
    this.rasterizer = rasterizer;
  }

  /** The sources' tiles that drawing {@code t} at {@code zoom} needs. */
  Set<DataKey> needs(TileId t, double zoom) {
    Set<DataKey> out = new LinkedHashSet<>();
    for (MapLibreStyle.Layer layer : style.layers()) {
      BasemapSource s = layer.source() == null ? null : sources.get(layer.source());
      if (s == null || !layer.visibleAt(zoom) || t.z() < s.minZoom()) {
        continue;
      }
      out.add(new DataKey(s.id(), ancestorAt(t, s.maxZoom())));
    }
    return out;
  }

  /**
   * Tile {@code t} as a view at {@code zoom} shows it, {@code px} device pixels square, from the
   * data {@code data} answers for each of {@link #needs}.
   */
  TileImage rasterise(
      TileId t, double zoom, int px, double scale, Function<DataKey, LoadedTile> data) {
    Map<String, VectorTile> vectors = new HashMap<>();
    Map<String, DrawOp.Raster> rasters = new HashMap<>();
    double logical = px / scale;
    for (DataKey need : needs(t, zoom)) {
      LoadedTile d = data.apply(need);
      int up = t.z() - need.tile().z();
      int dx = t.x() - (need.tile().x() << up);
      int dy = t.y() - (need.tile().y() << up);
      if (d instanceof LoadedTile.Vector v) {
        vectors.put(need.source(), up == 0 ? v.tile() : magnified(v.tile(), up, dx, dy));
      } else if (d instanceof LoadedTile.Image i) {
        LoadedTile.Image part = up == 0 ? i : Rasters.quarter(i, up, dx, dy);
        rasters.put(
            need.source(),
            new DrawOp.Raster(0, 0, logical, logical, part.width(), part.height(), part.argbPre()));
      }
    }
    RenderPlan plan = renderer.plan(t, zoom, vectors, rasters, logical);
    BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB_PRE);
    rasterizer.paint(plan, image, scale, null);
    return new TileImage(image, px, opaque(image));
  }

  private static TileId ancestorAt(TileId t, int z) {
    TileId a = t;
    while (a.z() > z) {
      a = a.parent();
    }
    return a;
  }

  /** A deeper tile's share of an ancestor's vector data, in the deeper tile's coordinates. */
  private static VectorTile magnified(VectorTile tile, int levels, int dx, int dy) {
    List<VectorTile.Layer> layers = new ArrayList<>();
    for (VectorTile.Layer l : tile.layers()) {
      double k = 1 << levels;
      double ox = dx * (double) l.extent();
      double oy = dy * (double) l.extent();
      AffineTransformation t = AffineTransformation.scaleInstance(k, k).translate(-ox, -oy);
      double lo = -l.extent() / 8.0;
      double hi = l.extent() * 9 / 8.0;
      List<VectorTile.Feature> features = new ArrayList<>();
      for (VectorTile.Feature f : l.features()) {
        Envelope e = f.geometry().getEnvelopeInternal();
        if (e.getMaxX() * k - ox < lo
            || e.getMinX() * k - ox > hi
            || e.getMaxY() * k - oy < lo
            || e.getMinY() * k - oy > hi) {
          continue; // nowhere near this part of the ancestor
        }
        features.add(
            new VectorTile.Feature(f.id(), f.type(), t.transform(f.geometry()), f.properties()));
      }
      layers.add(new VectorTile.Layer(l.name(), l.version(), l.extent(), features));
    }
    return new VectorTile(layers);
  }

  private static boolean opaque(BufferedImage image) {
    for (int p : ((DataBufferInt) image.getRaster().getDataBuffer()).getData()) {
      if (p >>> 24 != 0xff) {
        return false;
      }
    }
    return true;
  }
}
