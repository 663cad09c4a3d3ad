package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tileverse.pmtiles.PMTilesHeader;
import io.tileverse.pmtiles.PMTilesReader;
import io.tileverse.tiling.pyramid.TileIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Tiles from a PMTiles v3 archive (one file, tiles addressed by a Hilbert-curve id), read with
 * tileverse-pmtiles. Format, zoom range and bounds come from the header; name, attribution and
 * {@code vector_layers} from the JSON metadata. Tiles are given gunzipped. Rows are XYZ.
 *
 * <p>Thread-safe: reads go through a lock, because tileverse does not document its reader as safe
 * for concurrent use; a local archive answers in microseconds.
 */
public final class PmTilesSource implements TileSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final PMTilesReader reader;
  private final TileSourceInfo info;

  private PmTilesSource(Path file, PMTilesReader reader) throws IOException {
    this.file = file;
    this.reader = reader;
    this.info = readInfo();
  }

  /**
   * Opens {@code file}.
   *
   * @throws MapDataException when it is absent or not a PMTiles v3 archive
   */
  public static PmTilesSource open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MapDataException("PMTiles file " + file.toAbsolutePath() + " does not exist");
    }
    PMTilesReader reader = null;
    try {
      reader = new PMTilesReader(file);
      return new PmTilesSource(file, reader);
    } catch (LinkageError e) {
      // tileverse-pmtiles 1.3.3 parses the metadata with Jackson 3.1, which needs
      // jackson-annotations 2.21+; an older one pinned by the build breaks every open
      throw new MapDataException(
          "cannot open "
              + file.toAbsolutePath()
              + ": tileverse-pmtiles cannot initialise its JSON reader ("
              + e
              + "); it needs com.fasterxml.jackson.core:jackson-annotations 2.21 or newer on the"
              + " class path — align the Jackson BOM version in the build",
          e);
    } catch (IOException | RuntimeException e) {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof MapDataException m) {
        throw m;
      }
      throw new MapDataException(
          "cannot read " + file.toAbsolutePath() + " as a PMTiles v3 archive: " + e.getMessage(),
          e);
    }
  }

  private TileSourceInfo readInfo() throws IOException {
    PMTilesHeader h = reader.getHeader();
    TileFormat format =
        switch (h.tileType()) {
          case PMTilesHeader.TILETYPE_MVT -> TileFormat.MVT;
          case PMTilesHeader.TILETYPE_PNG -> TileFormat.PNG;
          case PMTilesHeader.TILETYPE_JPEG -> TileFormat.JPG;
          case PMTilesHeader.TILETYPE_WEBP -> TileFormat.WEBP;
          default ->
              throw new MapDataException(
                  "PMTiles "
                      + file
                      + ": tile type "
                      + h.tileType()
                      + " is not supported (png, jpg, webp or mvt)");
        };
    if (h.tileCompression() != PMTilesHeader.COMPRESSION_NONE
        && h.tileCompression() != PMTilesHeader.COMPRESSION_GZIP
        && h.tileCompression() != PMTilesHeader.COMPRESSION_UNKNOWN) {
      throw new MapDataException(
          "PMTiles "
              + file
              + ": tile compression "
              + h.tileCompression()
              + " (brotli/zstd) is not supported; convert with gzip");
    }
    String metadata = reader.getMetadataAsString();
    JsonNode meta;
    try {
      meta =
          metadata == null || metadata.isBlank()
              ? JSON.createObjectNode()
              : JSON.readTree(metadata);
    } catch (JsonProcessingException e) {
      throw new MapDataException(
          "PMTiles " + file + ": the JSON metadata is not JSON: " + e.getOriginalMessage(), e);
    }
    List<String> layers = new ArrayList<>();
    for (JsonNode layer : meta.path("vector_layers")) {
      layers.add(layer.path("id").asText());
    }
    Envelope bounds =
        h.minLon() < h.maxLon() && h.minLat() < h.maxLat()
            ? new Envelope(h.minLon(), h.maxLon(), h.minLat(), h.maxLat())
            : null;
    return new TileSourceInfo(
        meta.path("name").asText(file.getFileName().toString()),
        format,
        h.minZoom(),
        h.maxZoom(),
        bounds,
        meta.path("attribution").asText(""),
        256,
        TileScheme.XYZ,
        layers);
  }

  @Override
  public TileSourceInfo info() {
    return info;
  }

  @Override
  public synchronized TileResult tile(TileId id) {
    if (!info.covers(id)) {
      return TileResult.missing("zoom " + id.z() + " is not in " + file.getFileName());
    }
    try {
      Optional<ByteBuffer> found = reader.getTile(TileIndex.zxy(id.z(), id.x(), id.y()));
      if (found.isEmpty() || !found.get().hasRemaining()) {
        return TileResult.missing("no tile " + id + " in " + file.getFileName());
      }
      ByteBuffer buffer = found.get();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return TileResult.found(TileData.of(bytes, info.format().contentType()));
    } catch (IOException | UncheckedIOException e) {
      return TileResult.failed(
          "reading tile " + id + " from " + file.toAbsolutePath() + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new MapDataException("closing " + file + " failed: " + e.getMessage(), e);
    }
  }
}
