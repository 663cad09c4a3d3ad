package com.cityops.sim.tiles;

import com.cityops.map.tiles.TileFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * What the TileJSON of one pack says, from its MBTiles metadata: everything {@code MbTilesSource}
 * reads, plus what a TileJSON 3.0.0 document carries and the source drops ({@code description},
 * {@code center}, the full {@code vector_layers} objects with their {@code fields}). Immutable.
 *
 * @param bounds lon/lat degrees; the world when the metadata has none
 * @param center where a viewer should start, or null when the metadata does not say
 * @param vectorLayers the {@code vector_layers} objects as the metadata {@code json} has them, each
 *     with {@code id} and {@code fields}; empty for raster packs
 */
public record TilePackInfo(
    String name,
    TileFormat format,
    int minZoom,
    int maxZoom,
    Envelope bounds,
    String attribution,
    String description,
    Center center,
    List<JsonNode> vectorLayers) {

  /**
   * What vector tiles are sent as: {@code application/x-protobuf}, what most tile servers send and
   * every client accepts, rather than the newer {@code application/vnd.mapbox-vector-tile}.
   */
  public static final String MVT_CONTENT_TYPE = "application/x-protobuf";

  /** A start position: lon/lat degrees and a zoom. */
  public record Center(double lon, double lat, int zoom) {}

  public TilePackInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(bounds, "bounds");
    attribution = attribution == null ? "" : attribution;
    description = description == null ? "" : description;
    // JsonNode is mutable: keep private copies so no caller can change a served document
    vectorLayers =
        vectorLayers == null
            ? List.of()
            : vectorLayers.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /** The file extension of tile URLs: {@code pbf} for vector tiles, else the image type. */
  public String extension() {
    return switch (format) {
      case MVT -> "pbf";
      case PNG -> "png";
      case JPG -> "jpg";
      case WEBP -> "webp";
    };
  }

  /** The {@code Content-Type} of tiles ({@link #MVT_CONTENT_TYPE} for vector tiles). */
  public String contentType() {
    return format == TileFormat.MVT ? MVT_CONTENT_TYPE : format.contentType();
  }
}
