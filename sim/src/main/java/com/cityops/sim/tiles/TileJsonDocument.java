package com.cityops.sim.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The TileJSON 3.0.0 document of a pack, and its line in the {@code GET /tiles} list. The tile URL
 * is absolute — built from the base URL the client used — because TileJSON consumers (MapLibre,
 * QGIS) do not all resolve relative templates, and behind a port mapping only the client knows
 * which host and port reach us. Rows are {@code xyz} whatever the file stores (the server flips
 * MBTiles' TMS rows). Stateless.
 */
public final class TileJsonDocument {
  public static final String VERSION = "3.0.0";

  private TileJsonDocument() {}

  /** The path of a pack's TileJSON document. */
  public static String path(String packId) {
    return "/tiles/" + packId + ".json";
  }

  /** The tile URL template of a pack, e.g. {@code http://h:1/tiles/d/{z}/{x}/{y}.pbf}. */
  public static String tileTemplate(String baseUrl, String packId, TilePackInfo info) {
    return baseUrl + "/tiles/" + packId + "/{z}/{x}/{y}." + info.extension();
  }

  /** The document, in TileJSON's customary key order. */
  public static Map<String, Object> of(String packId, TilePackInfo info, String baseUrl) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tilejson", VERSION);
    doc.put("name", info.name());
    if (!info.description().isEmpty()) {
      doc.put("description", info.description());
    }
    if (!info.attribution().isEmpty()) {
      doc.put("attribution", info.attribution());
    }
    doc.put("scheme", "xyz");
    doc.put("tiles", List.of(tileTemplate(baseUrl, packId, info)));
    // 'format' is not in the TileJSON spec but widely written (tileserver-gl, martin) and read
    // (our TileJson): it saves guessing the format from the URL suffix
    doc.put("format", info.extension());
    doc.put("minzoom", info.minZoom());
    doc.put("maxzoom", info.maxZoom());
    Envelope b = info.bounds();
    doc.put("bounds", List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
    if (info.center() != null) {
      TilePackInfo.Center c = info.center();
      doc.put("center", List.of(c.lon(), c.lat(), c.zoom()));
    }
    if (info.format().isVector()) {
      doc.put("vector_layers", info.vectorLayers()); // required for vector tiles, even if empty
    }
    return doc;
  }

  /** A pack's entry in {@code GET /tiles}. */
  public static Map<String, Object> summary(String packId, TilePackInfo info, String baseUrl) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", packId);
    entry.put("name", info.name());
    entry.put("format", info.extension());
    entry.put("minzoom", info.minZoom());
    entry.put("maxzoom", info.maxZoom());
    entry.put("tilejson", baseUrl + path(packId));
    return entry;
  }
}
