package com.cityops.sim.tiles;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.cityops.map.tiles.MbTilesSource;
import com.cityops.map.tiles.TileResult;
import com.cityops.map.tiles.TileSourceInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One served MBTiles file: its id (the URL segment), its {@link TilePackInfo} and its tiles by XYZ
 * id. Tiles come from the map engine's {@link MbTilesSource} (TMS row flip, gunzipped vector
 * tiles); the metadata table is read once more here for what that source does not keep ({@code
 * center}, {@code description}, the {@code vector_layers} fields). Thread-safe; {@link #close}
 * deletes the file too when the pack owns it (a copy extracted from the classpath).
 */
public final class TilePack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TilePack.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // It becomes a URL path segment and a JSON value: nothing that needs escaping
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String id;
  private final Path file;
  private final boolean ownsFile;
  private final MbTilesSource source;
  private final TilePackInfo info;

  private TilePack(
      String id, Path file, boolean ownsFile, MbTilesSource source, TilePackInfo info) {
    this.id = id;
    this.file = file;
    this.ownsFile = ownsFile;
    this.source = source;
    this.info = info;
  }

  /**
   * Opens {@code file} as pack {@code id}; with {@code ownsFile} the file is deleted on close.
   *
   * @throws MapDataException when the file is not a readable MBTiles file
   * @throws IllegalArgumentException when {@code id} cannot be a URL path segment
   */
  public static TilePack open(String id, Path file, boolean ownsFile) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "tile pack '"
              + id
              + "' ("
              + file
              + "): a pack name must be letters, digits, '.', '_' or '-' (it becomes the URL"
              + " /tiles/<name>/…); rename the file");
    }
    MbTilesSource source = MbTilesSource.open(file);
    try {
      return new TilePack(id, file, ownsFile, source, info(file, source.info(), metadata(file)));
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  public String id() {
    return id;
  }

  public TilePackInfo info() {
    return info;
  }

  /** The MBTiles file read (a temporary copy for a bundled pack). */
  Path file() {
    return file;
  }

  /** The tile at an XYZ id: found (vector tiles gunzipped), missing, or failed. */
  public TileResult tile(TileId tile) {
    return source.tile(tile);
  }

  @Override
  public void close() {
    source.close();
    if (ownsFile) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the pack is closed either way; a temp file left behind is worth a line, not a failure
        LOG.warn("could not delete the extracted tile pack {}: {}", file, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return id
        + " ("
        + info.extension()
        + " z"
        + info.minZoom()
        + "–"
        + info.maxZoom()
        + ", "
        + file.getFileName()
        + ")";
  }

  static TilePackInfo info(Path file, TileSourceInfo tiles, Map<String, String> meta) {
    return new TilePackInfo(
        tiles.name(),
        tiles.format(),
        tiles.minZoom(),
        tiles.maxZoom(),
        tiles.bounds(),
        tiles.attribution(),
        meta.get("description"),
        center(file, meta.get("center"), tiles.minZoom(), tiles.maxZoom()),
        tiles.format().isVector() ? vectorLayers(file, meta.get("json")) : List.of());
  }

  /**
   * MBTiles {@code center} is {@code lon,lat,zoom}; the zoom is optional in practice (older
   * writers), so it defaults to the pack's lowest and is kept inside the pack's range.
   */
  static TilePackInfo.Center center(Path file, String value, int minZoom, int maxZoom) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] p = value.split(",");
    try {
      if (p.length == 2 || p.length == 3) {
        double lon = Double.parseDouble(p[0].trim());
        double lat = Double.parseDouble(p[1].trim());
        int zoom = p.length == 3 ? (int) Math.round(Double.parseDouble(p[2].trim())) : minZoom;
        if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
          return new TilePackInfo.Center(lon, lat, Math.max(minZoom, Math.min(maxZoom, zoom)));
        }
      }
    } catch (NumberFormatException e) {
      // fall through to the error below, which shows the value
    }
    throw new MapDataException(
        "MBTiles "
            + file
            + ": metadata center '"
            + value
            + "' is not 'lon,lat[,zoom]' in degrees; fix or delete the row");
  }

  /**
   * The {@code vector_layers} of the metadata {@code json}, each given {@code fields} if absent.
   */
  static List<JsonNode> vectorLayers(Path file, String json) {
    List<JsonNode> layers = new ArrayList<>();
    if (json == null) {
      return layers;
    }
    try {
      for (JsonNode layer : JSON.readTree(json).path("vector_layers")) {
        if (!layer.isObject() || !layer.path("id").isTextual()) {
          throw new MapDataException(
              "MBTiles " + file + ": a vector_layers entry has no text 'id': " + layer);
        }
        ObjectNode copy = layer.deepCopy();
        if (!copy.has("fields")) {
          copy.putObject("fields"); // TileJSON 3.0.0 requires it; no fields is an empty object
        }
        layers.add(copy);
      }
    } catch (IOException e) {
      throw new MapDataException(
          "MBTiles " + file + ": metadata 'json' is not JSON: " + e.getMessage(), e);
    }
    return layers;
  }

  private static Map<String, String> metadata(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Map<String, String> meta = new HashMap<>();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        PreparedStatement s = db.prepareStatement("SELECT name, value FROM metadata");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        meta.put(r.getString(1), r.getString(2));
      }
    } catch (SQLException e) {
      throw new MapDataException(
          "cannot read the metadata table of " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return meta;
  }
}
