package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileJSON 2.x/3.0 document: {@code tiles} URL templates (resolved against the document's URL),
 * {@code scheme}, {@code minzoom}/{@code maxzoom}, {@code bounds}, {@code attribution}, {@code
 * vector_layers}; the format from {@code format} (a common extension) or the template's suffix.
 * Immutable.
 */
public record TileJson(TileSourceInfo info, List<String> tiles) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static TileJson parse(String json, URI documentUrl) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MapDataException(
          "TileJSON " + documentUrl + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) { // Jackson answers a MissingNode for empty input
      throw new MapDataException("TileJSON " + documentUrl + " is empty or not an object");
    }
    List<String> tiles = new ArrayList<>();
    for (JsonNode t : root.path("tiles")) {
      // resolve relative templates; the braces are not legal URI characters, so protect them
      String raw = t.asText().replace("{", "%7B").replace("}", "%7D");
      try {
        tiles.add(documentUrl.resolve(raw).toString().replace("%7B", "{").replace("%7D", "}"));
      } catch (IllegalArgumentException e) {
        throw new MapDataException(
            "TileJSON " + documentUrl + ": tile URL '" + t.asText() + "' is not a URL", e);
      }
    }
    if (tiles.isEmpty()) {
      throw new MapDataException("TileJSON " + documentUrl + " has no 'tiles' URL templates");
    }
    TileFormat format;
    try {
      format =
          TileFormat.parse(
              root.hasNonNull("format") ? root.get("format").asText() : suffix(tiles.get(0)));
    } catch (IllegalArgumentException e) {
      throw new MapDataException(
          "TileJSON " + documentUrl + ": cannot tell the tile format (" + e.getMessage() + ")", e);
    }
    Envelope bounds = null;
    JsonNode b = root.path("bounds");
    if (b.size() == 4) {
      bounds =
          new Envelope(
              b.get(0).asDouble(), b.get(2).asDouble(), b.get(1).asDouble(), b.get(3).asDouble());
    }
    List<String> layers = new ArrayList<>();
    root.path("vector_layers").forEach(l -> layers.add(l.path("id").asText()));
    TileScheme scheme =
        "tms".equals(root.path("scheme").asText("xyz").toLowerCase(Locale.ROOT))
            ? TileScheme.TMS
            : TileScheme.XYZ;
    TileSourceInfo info;
    try {
      info =
          new TileSourceInfo(
              root.path("name").asText(documentUrl.toString()),
              format,
              root.path("minzoom").asInt(0),
              // TileJSON 3 defaults maxzoom to 30, 2.x to 22
              root.path("maxzoom")
                  .asInt(root.path("tilejson").asText("").startsWith("3") ? 30 : 22),
              bounds,
              root.path("attribution").asText(""),
              root.path("tileSize").asInt(256),
              scheme,
              layers);
    } catch (IllegalArgumentException e) { // TileSourceInfo's checks: zoom range, tile size
      // found by TileJsonFuzzTest: "maxzoom": 54 escaped as an IllegalArgumentException
      throw new MapDataException("TileJSON " + documentUrl + ": " + e.getMessage(), e);
    }
    return new TileJson(info, List.copyOf(tiles));
  }

  private static String suffix(String template) {
    String path = template.split("\\?")[0];
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1);
  }

  /** The URL template of the first {@code tiles} entry, in the document's row scheme. */
  public TileUrlTemplate urls() {
    return new TileUrlTemplate(tiles.get(0), info.scheme(), List.of());
  }

  /** An HTTP source builder for these tiles; add caches, headers and keys, then build. */
  public HttpTileSource.Builder httpSource() {
    return HttpTileSource.builder(urls(), info);
  }
}
