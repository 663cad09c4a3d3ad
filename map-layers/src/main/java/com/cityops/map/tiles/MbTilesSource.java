package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
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
import org.locationtech.jts.geom.Envelope;
import org.sqlite.SQLiteConfig;

/**
 * Tiles from an MBTiles 1.3 file (SQLite), opened read-only: the {@code tiles} table (rows numbered
 * TMS-style from the south, flipped here so callers use XYZ ids) and the {@code metadata} table
 * ({@code name}, {@code format}, {@code minzoom}/{@code maxzoom} — from the tiles when absent —
 * {@code bounds}, {@code attribution}, and {@code json} with {@code vector_layers}). Gzipped vector
 * tiles (as GDAL and tippecanoe write them) come out gunzipped. The info's scheme is {@link
 * TileScheme#TMS}, what the file stores; {@link #tile} takes XYZ ids like every source.
 *
 * <p>Thread-safe: one JDBC connection used under a lock (SQLite serialises reads of one connection
 * anyway; a tile read takes microseconds).
 */
public final class MbTilesSource implements TileSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Connection db;
  private final PreparedStatement select;
  private final TileSourceInfo info;

  private MbTilesSource(Path file, Connection db) throws SQLException {
    this.file = file;
    this.db = db;
    this.select =
        db.prepareStatement(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    this.info = readInfo();
  }

  /**
   * Opens {@code file} read-only.
   *
   * @throws MapDataException when it is absent, not SQLite, or not MBTiles
   */
  public static MbTilesSource open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MapDataException("MBTiles file " + file.toAbsolutePath() + " does not exist");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Connection db = null;
    try {
      db =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      return new MbTilesSource(file, db);
    } catch (SQLException | RuntimeException e) {
      if (db != null) {
        try {
          db.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof MapDataException m) {
        throw m;
      }
      throw new MapDataException(
          "cannot read "
              + file.toAbsolutePath()
              + " as MBTiles (an SQLite file with tables "
              + "'tiles' and 'metadata'): "
              + e.getMessage(),
          e);
    }
  }

  private TileSourceInfo readInfo() throws SQLException {
    Map<String, String> meta = new HashMap<>();
    try (PreparedStatement s = db.prepareStatement("SELECT name, value FROM metadata");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        meta.put(r.getString(1), r.getString(2));
      }
    }
    String name = meta.getOrDefault("name", file.getFileName().toString());
    TileFormat format = format(meta.get("format"));
    int minZoom;
    int maxZoom;
    try (PreparedStatement s =
            db.prepareStatement("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles");
        ResultSet r = s.executeQuery()) {
      r.next();
      minZoom = meta.containsKey("minzoom") ? parseInt(meta, "minzoom") : r.getInt(1);
      maxZoom = meta.containsKey("maxzoom") ? parseInt(meta, "maxzoom") : r.getInt(2);
    }
    return new TileSourceInfo(
        name,
        format,
        minZoom,
        maxZoom,
        bounds(meta.get("bounds")),
        meta.get("attribution"),
        256,
        TileScheme.TMS,
        vectorLayers(meta.get("json")));
  }

  private TileFormat format(String value) {
    if (value == null) {
      throw new MapDataException(
          "MBTiles " + file + ": the metadata table has no 'format' (png, jpg, webp or pbf)");
    }
    try {
      return TileFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new MapDataException("MBTiles " + file + ": " + e.getMessage(), e);
    }
  }

  private int parseInt(Map<String, String> meta, String key) {
    String value = meta.get(key);
    if (value == null) { // a metadata row whose value is SQL NULL
      throw new MapDataException("MBTiles " + file + ": metadata " + key + " is NULL, not a zoom");
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new MapDataException(
          "MBTiles " + file + ": metadata " + key + " is '" + meta.get(key) + "', not a zoom", e);
    }
  }

  private Envelope bounds(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] p = value.split(",");
    try {
      if (p.length == 4) {
        return new Envelope(
            Double.parseDouble(p[0].trim()),
            Double.parseDouble(p[2].trim()),
            Double.parseDouble(p[1].trim()),
            Double.parseDouble(p[3].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the error below, which shows the value
    }
    throw new MapDataException(
        "MBTiles " + file + ": metadata bounds '" + value + "' is not 'west,south,east,north'");
  }

  private List<String> vectorLayers(String json) {
    List<String> ids = new ArrayList<>();
    if (json == null) {
      return ids;
    }
    try {
      for (JsonNode layer : JSON.readTree(json).path("vector_layers")) {
        ids.add(layer.path("id").asText());
      }
    } catch (JsonProcessingException e) {
      throw new MapDataException(
          "MBTiles " + file + ": metadata 'json' is not JSON: " + e.getOriginalMessage(), e);
    }
    return ids;
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
      select.setInt(1, id.z());
      select.setInt(2, id.x());
      select.setInt(3, id.tmsY());
      try (ResultSet r = select.executeQuery()) {
        if (!r.next()) {
          return TileResult.missing("no row for " + id + " in " + file.getFileName());
        }
        byte[] bytes = r.getBytes(1);
        if (bytes == null || bytes.length == 0) {
          return TileResult.missing("empty tile " + id + " in " + file.getFileName());
        }
        return TileResult.found(TileData.of(bytes, info.format().contentType()));
      }
    } catch (SQLException e) {
      return TileResult.failed(
          "reading tile " + id + " from " + file.toAbsolutePath() + " failed: " + e.getMessage(),
          e);
    } catch (UncheckedIOException e) {
      return TileResult.failed(
          "tile " + id + " in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      select.close();
      db.close();
    } catch (SQLException e) {
      throw new MapDataException("closing " + file + " failed: " + e.getMessage(), e);
    }
  }
}
