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
    checkSections(file);
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

  private static final int HEADER_BYTES = 127;
  private static final String[] SECTIONS = {
    "root directory", "metadata", "leaf directories", "tile data"
  };

  /**
   * Checks the header's offset/length pairs against the file's size before tileverse reads them, so
   * a corrupt length field is named here rather than becoming a huge read or allocation.
   */
  private static void checkSections(Path file) {
    byte[] header = new byte[HEADER_BYTES];
    long size;
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      size = channel.size();
      ByteBuffer buffer = ByteBuffer.wrap(header);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read the whole header, or what there is of it
      }
      if (buffer.hasRemaining()) {
        throw new MapDataException(
            "PMTiles "
                + file.toAbsolutePath()
                + " is "
                + size
                + " bytes, shorter than the 127-byte PMTiles v3 header");
      }
    } catch (IOException e) {
      throw new MapDataException("cannot read " + file.toAbsolutePath() + ": " + e, e);
    }
    if (!new String(header, 0, 7, java.nio.charset.StandardCharsets.US_ASCII).equals("PMTiles")) {
      return; // not PMTiles at all: tileverse's own message says so
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < SECTIONS.length; i++) {
      long offset = h.getLong(8 + 16 * i);
      long length = h.getLong(16 + 16 * i);
      if (offset < 0 || length < 0 || offset > size || length > size - offset) {
        throw new MapDataException(
            "PMTiles "
                + file.toAbsolutePath()
                + ": the header puts the "
                + SECTIONS[i]
                + " at bytes "
                + Long.toUnsignedString(offset)
                + "+"
                + Long.toUnsignedString(length)
                + ", beyond the file's "
                + size
                + " bytes (truncated or corrupt)");
      }
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
    } catch (RuntimeException e) {
      // tileverse parses leaf directories lazily and refuses a corrupt one with unchecked
      // exceptions (IllegalArgumentException "num entries must be greater than zero", …)
      return TileResult.failed(
          "reading tile "
              + id
              + " from "
              + file.toAbsolutePath()
              + " failed: a directory of the archive is corrupt ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
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
