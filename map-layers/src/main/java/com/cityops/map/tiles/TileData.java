package com.cityops.map.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of one tile, ready to decode: gzip is already undone (MBTiles, PMTiles and many servers
 * store vector tiles gzipped; decoders want the protobuf). {@code bytes} is shared, not copied, for
 * speed: treat it as read-only. Immutable by convention; safe to share between threads.
 */
public record TileData(byte[] bytes, String contentType) {
  public TileData {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(contentType, "contentType");
  }

  /**
   * Tile bytes as stored or sent, gunzipped when they start with the gzip magic number — whatever
   * the headers say, because MBTiles has no header to say it and servers label it inconsistently.
   *
   * @throws UncheckedIOException when the bytes claim to be gzip but are not (a corrupt tile)
   */
  public static TileData of(byte[] stored, String contentType) {
    return new TileData(isGzip(stored) ? gunzip(stored) : stored, contentType);
  }

  public int size() {
    return bytes.length;
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tile of " + gz.length + " bytes starts like gzip but does not decompress: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "TileData[" + bytes.length + " bytes, " + contentType + "]";
  }
}
