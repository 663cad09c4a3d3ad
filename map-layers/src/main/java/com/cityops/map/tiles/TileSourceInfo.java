package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * What a tile source offers: a name for the layer panel and errors, the tile format, the zoom
 * range, the covered area in lon/lat degrees (the whole world when unstated), the attribution the
 * map must show (licences require it), the tile size in pixels, the row scheme and, for vector
 * tiles, the layer ids ({@code vector_layers}). Immutable.
 */
public record TileSourceInfo(
    String name,
    TileFormat format,
    int minZoom,
    int maxZoom,
    Envelope bounds,
    String attribution,
    int tileSize,
    TileScheme scheme,
    List<String> vectorLayers) {

  public static final Envelope WORLD =
      new Envelope(-180, 180, -85.05112877980659, 85.05112877980659);

  public TileSourceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(scheme, "scheme");
    if (minZoom < 0 || maxZoom > TileId.MAX_ZOOM || minZoom > maxZoom) {
      throw new IllegalArgumentException(
          "tile source '" + name + "': zoom range " + minZoom + "–" + maxZoom + " is not valid");
    }
    if (tileSize <= 0) {
      throw new IllegalArgumentException(
          "tile source '" + name + "': tile size must be positive, got " + tileSize);
    }
    bounds = bounds == null || bounds.isNull() ? new Envelope(WORLD) : new Envelope(bounds);
    attribution = attribution == null ? "" : attribution;
    vectorLayers = vectorLayers == null ? List.of() : List.copyOf(vectorLayers);
  }

  /** A 256 px XYZ source over the world with no attribution; refine with the {@code with…}s. */
  public static TileSourceInfo of(String name, TileFormat format, int minZoom, int maxZoom) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, null, "", 256, TileScheme.XYZ, List.of());
  }

  public TileSourceInfo withBounds(Envelope lonLat) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, lonLat, attribution, tileSize, scheme, vectorLayers);
  }

  public TileSourceInfo withAttribution(String text) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, bounds, text, tileSize, scheme, vectorLayers);
  }

  public TileSourceInfo withScheme(TileScheme rows) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, bounds, attribution, tileSize, rows, vectorLayers);
  }

  public TileSourceInfo withTileSize(int pixels) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, bounds, attribution, pixels, scheme, vectorLayers);
  }

  public TileSourceInfo withVectorLayers(List<String> ids) {
    return new TileSourceInfo(
        name, format, minZoom, maxZoom, bounds, attribution, tileSize, scheme, ids);
  }

  /** Whether a tile's zoom is in range (bounds are not checked: callers cull by viewport). */
  public boolean covers(TileId id) {
    return id.z() >= minZoom && id.z() <= maxZoom;
  }
}
