package com.cityops.map.tiles;

import java.util.Locale;

/** What a tile's bytes are: a raster image or a Mapbox Vector Tile. */
public enum TileFormat {
  PNG("image/png"),
  JPG("image/jpeg"),
  WEBP("image/webp"),
  MVT("application/vnd.mapbox-vector-tile");

  private final String contentType;

  TileFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The canonical media type, sent as {@code Accept} and assumed for files without one. */
  public String contentType() {
    return contentType;
  }

  public boolean isVector() {
    return this == MVT;
  }

  /**
   * The format named by MBTiles {@code format}, TileJSON, WMTS {@code <Format>} or a file suffix:
   * {@code png}, {@code jpg}/{@code jpeg}, {@code webp}, {@code pbf}/{@code mvt}, or a media type.
   */
  public static TileFormat parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    int semicolon = n.indexOf(';');
    String base = semicolon < 0 ? n : n.substring(0, semicolon).trim();
    return switch (base) {
      case "png", "image/png", "png8", "png32" -> PNG;
      case "jpg", "jpeg", "image/jpeg", "image/jpg" -> JPG;
      case "webp", "image/webp" -> WEBP;
      case "pbf",
              "mvt",
              "application/vnd.mapbox-vector-tile",
              "application/x-protobuf",
              "application/vnd.mvt" ->
          MVT;
      default ->
          throw new IllegalArgumentException(
              "unknown tile format '"
                  + name
                  + "': expected png, jpg, webp or pbf/mvt (or their media types)");
    };
  }

  /**
   * Whether a server's {@code Content-Type} can carry this format. Vector tiles often come as
   * {@code application/octet-stream} or {@code application/x-protobuf}; images must be {@code
   * image/*} (a {@code text/html} answer is a login or error page, not a tile).
   */
  public boolean accepts(String contentType) {
    String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
    if (this == MVT) {
      return t.startsWith("application/vnd.mapbox-vector-tile")
          || t.startsWith("application/x-protobuf")
          || t.startsWith("application/vnd.mvt")
          || t.startsWith("application/octet-stream");
    }
    // Some tile servers answer image/jpeg for a PNG layer (天地图 FORMAT=tiles mixes them): any
    // image is drawable, so any image/* is accepted for a raster layer.
    return t.startsWith("image/");
  }
}
