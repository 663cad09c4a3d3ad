package com.cityops.map.basemap;

import com.cityops.map.data.Feature;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.tiles.TileFormat;
import com.cityops.map.tiles.TileResult;
import com.cityops.map.tiles.TileSource;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A style source bound to where its data comes from, able to load one tile's data. Loading blocks
 * (files, network): it runs on the basemap's loader threads, never on a UI thread. Thread-safe.
 */
sealed interface BasemapSource extends AutoCloseable {
  String id();

  int minZoom();

  /** The deepest zoom with data; deeper views show this level's tiles magnified (overzoom). */
  int maxZoom();

  String attribution();

  LoadedTile load(TileId tile);

  @Override
  default void close() {}

  /** Tiles from a {@link TileSource}: MVT decoded leniently, images decoded by ImageIO. */
  record Tiled(String id, TileSource tiles, Consumer<String> problems) implements BasemapSource {
    @Override
    public int minZoom() {
      return tiles.info().minZoom();
    }

    @Override
    public int maxZoom() {
      return tiles.info().maxZoom();
    }

    @Override
    public String attribution() {
      return tiles.info().attribution();
    }

    @Override
    public LoadedTile load(TileId tile) {
      if (!tiles.info().covers(tile)) {
        return new LoadedTile.Empty("outside the source's area");
      }
      TileResult result = tiles.tile(tile);
      if (result instanceof TileResult.Missing m) {
        return new LoadedTile.Empty(m.reason());
      }
      if (result instanceof TileResult.Failed f) {
        return new LoadedTile.Broken(f.message());
      }
      byte[] bytes = ((TileResult.Found) result).data().bytes();
      TileFormat format = tiles.info().format();
      return format.isVector() ? vector(tile, bytes) : image(tile, bytes);
    }

    private LoadedTile vector(TileId tile, byte[] bytes) {
      try {
        // Lenient: a feature with a broken geometry is left out and said, the rest is drawn.
        return new LoadedTile.Vector(
            MvtDecoder.decode(
                bytes,
                problem -> problems.accept("source " + id + " tile " + tile + ": " + problem)));
      } catch (VectorTileException e) {
        return new LoadedTile.Broken(
            "source " + id + " tile " + tile + " is not a vector tile: " + e.getMessage());
      }
    }

    private LoadedTile image(TileId tile, byte[] bytes) {
      BufferedImage decoded;
      try {
        decoded = ImageIO.read(new ByteArrayInputStream(bytes));
      } catch (IOException | RuntimeException e) {
        decoded = null;
      }
      if (decoded == null) {
        return new LoadedTile.Broken(
            "source "
                + id
                + " tile "
                + tile
                + " is not a readable image ("
                + bytes.length
                + " bytes)");
      }
      return Rasters.premultiplied(decoded);
    }

    @Override
    public void close() {
      tiles.close();
    }
  }

  /**
   * A GeoJSON source cut into tiles on demand: the features crossing a tile (with a small buffer,
   * so strokes do not stop short at the edge) clipped and mapped to tile coordinates, as the one
   * layer MapLibre names after the source.
   */
  record GeoJson(String id, MemoryFeatureSource features, int maxZoom, String attribution)
      implements BasemapSource {
    private static final int EXTENT = 4096;
    private static final double BUFFER = 64.0 / EXTENT;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Override
    public int minZoom() {
      return 0;
    }

    @Override
    public LoadedTile load(TileId tile) {
      double span = 2 * WebMercator.HALF_WORLD / (1 << tile.z());
      double minX = -WebMercator.HALF_WORLD + tile.x() * span;
      double maxY = WebMercator.HALF_WORLD - tile.y() * span;
      Envelope area =
          new Envelope(
              minX - BUFFER * span,
              minX + span + BUFFER * span,
              maxY - span - BUFFER * span,
              maxY + BUFFER * span);
      Geometry clip = GEOMETRY.toGeometry(area);
      // Mercator metres → tile units, y down.
      AffineTransformation toTile =
          AffineTransformation.translationInstance(-minX, -maxY)
              .scale(EXTENT / span, -EXTENT / span);
      List<VectorTile.Feature> out = new ArrayList<>();
      for (Feature f : features.features(area)) {
        Geometry g = f.geometry();
        if (!area.contains(g.getEnvelopeInternal())) {
          g = g.intersection(clip);
        }
        if (g.isEmpty()) {
          continue;
        }
        out.add(
            new VectorTile.Feature(
                null, type(g), toTile.transform(g), withoutNulls(f.attributes())));
      }
      return new LoadedTile.Vector(
          new VectorTile(List.of(new VectorTile.Layer(id, 2, EXTENT, out))));
    }

    private static VectorTile.GeomType type(Geometry g) {
      if (g instanceof Polygonal) {
        return VectorTile.GeomType.POLYGON;
      }
      return g instanceof Lineal ? VectorTile.GeomType.LINESTRING : VectorTile.GeomType.POINT;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> attributes) {
      Map<String, Object> out = new LinkedHashMap<>();
      attributes.forEach(
          (k, v) -> {
            if (v != null) {
              out.put(k, v);
            }
          });
      return out;
    }
  }
}
