package io.tileverse.pmtiles;

import io.tileverse.tiling.pyramid.TileIndex;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixture tool, run by hand (see src/test/resources/tiles/README.md): copies an MBTiles file into a
 * PMTiles v3 archive with tileverse-pmtiles' writer, tiles byte for byte (TMS rows flipped to XYZ).
 * It lives in tileverse's package because the writer is package-private in 1.3.3; GDAL 3.6 has no
 * PMTiles driver and the pmtiles CLI is not on a registry reachable here.
 */
public final class MbTilesToPmTiles {
  private MbTilesToPmTiles() {}

  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + in);
        Statement s = db.createStatement()) {
      Map<String, String> meta = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT name, value FROM metadata")) {
        while (r.next()) {
          meta.put(r.getString(1), r.getString(2));
        }
      }
      boolean vector = "pbf".equals(meta.get("format"));
      String[] b = meta.get("bounds").split(",");
      PMTilesWriter.Builder builder =
          PMTilesWriter.builder()
              .outputPath(out)
              .minZoom(Integer.parseInt(meta.get("minzoom")))
              .maxZoom(Integer.parseInt(meta.get("maxzoom")))
              .tileType(vector ? PMTilesHeader.TILETYPE_MVT : PMTilesHeader.TILETYPE_PNG)
              .tileCompression(
                  vector ? PMTilesHeader.COMPRESSION_GZIP : PMTilesHeader.COMPRESSION_NONE)
              .internalCompression(PMTilesHeader.COMPRESSION_GZIP)
              .bounds(
                  Double.parseDouble(b[0]),
                  Double.parseDouble(b[1]),
                  Double.parseDouble(b[2]),
                  Double.parseDouble(b[3]));
      try (PMTilesWriter writer = builder.build()) {
        String json = meta.getOrDefault("json", "{}").trim();
        String name = meta.getOrDefault("name", "").replace("\"", "\\\"");
        String rest = json.length() > 2 ? "," + json.substring(1) : "}";
        writer.setMetadata("{\"name\":\"" + name + "\"" + rest);
        try (ResultSet r =
            s.executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")) {
          while (r.next()) {
            int z = r.getInt(1);
            long y = (1L << z) - 1 - r.getInt(3);
            writer.addTile(TileIndex.zxy(z, r.getInt(2), y), r.getBytes(4));
          }
        }
        writer.complete();
      }
    }
  }
}
