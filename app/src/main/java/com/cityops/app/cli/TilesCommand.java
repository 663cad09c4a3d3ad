package com.cityops.app.cli;

import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cityops tiles decode FILE.mvt [--tile Z/X/Y]}: prints a Mapbox Vector Tile's layers and
 * features as one GeoJSON FeatureCollection (each feature's layer in {@code properties.layer}), in
 * tile units, or in lon/lat when the tile's address is given; exits 1 with the decoder's reason on
 * an invalid tile. Headless.
 */
@Command(
    name = "tiles",
    mixinStandardHelpOptions = true,
    description = "Vector tile tools.",
    subcommands = TilesCommand.Decode.class)
public final class TilesCommand {

  /** The {@code decode} subcommand. */
  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description = {
        "Prints a vector tile (.mvt/.pbf, gzipped or not) as GeoJSON; exit 1 when it is invalid."
      })
  public static final class Decode {
    @Parameters(paramLabel = "FILE", description = "The tile file.")
    Path file;

    @Option(
        names = "--tile",
        paramLabel = "Z/X/Y",
        description = "The tile's address (XYZ): coordinates are then printed as lon/lat.")
    String tile;

    @Option(names = "--lenient", description = "Skip recoverable faults (reported on stderr).")
    boolean lenient;

    /** Decodes and prints; returns the exit code. */
    public int run(PrintStream out, PrintStream err) {
      TileId id;
      try {
        id = tile == null ? null : parse(tile);
      } catch (IllegalArgumentException e) {
        err.println("tiles decode: " + e.getMessage());
        return 2;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        err.println("tiles decode: cannot read " + file + ": " + e.getMessage());
        return 2;
      }
      VectorTile decoded;
      try {
        decoded =
            lenient
                ? MvtDecoder.decode(bytes, problem -> err.println("tiles decode: " + problem))
                : MvtDecoder.decode(bytes);
      } catch (VectorTileException e) {
        err.println("tiles decode: " + file + " is not a valid vector tile: " + e.getMessage());
        return 1;
      }
      out.println(toGeoJson(decoded, id));
      out.flush();
      return 0;
    }

    static String toGeoJson(VectorTile tile, TileId id) {
      ObjectMapper json = new ObjectMapper();
      GeoJsonWriter geometries = new GeoJsonWriter();
      geometries.setEncodeCRS(false);
      ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
      ArrayNode features = collection.putArray("features");
      for (VectorTile.Layer layer : tile.layers()) {
        for (VectorTile.Feature f : layer.features()) {
          ObjectNode feature = features.addObject().put("type", "Feature");
          if (f.id() != null) {
            feature.put("id", f.id());
          }
          Geometry g = id == null ? f.geometry() : toLonLat(f.geometry(), id, layer.extent());
          try {
            feature.set("geometry", json.readTree(geometries.write(g)));
          } catch (IOException e) {
            throw new IllegalStateException("JTS wrote unreadable GeoJSON", e);
          }
          ObjectNode properties = feature.putObject("properties").put("layer", layer.name());
          f.properties().forEach((k, v) -> properties.set(k, json.valueToTree(v)));
        }
      }
      return collection.toPrettyString();
    }

    private static Geometry toLonLat(Geometry tileUnits, TileId id, int extent) {
      Geometry g = tileUnits.copy();
      double n = Math.pow(2, id.z());
      g.apply(
          new CoordinateSequenceFilter() {
            @Override
            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
              double worldX = (id.x() + seq.getX(i) / extent) / n; // 0…1 from the west
              double worldY = (id.y() + seq.getY(i) / extent) / n; // 0…1 from the north
              double mx = (worldX * 2 - 1) * WebMercator.HALF_WORLD;
              double my = (1 - worldY * 2) * WebMercator.HALF_WORLD;
              var p = WebMercator.inverse(mx, my);
              seq.setOrdinate(i, 0, p.lon());
              seq.setOrdinate(i, 1, p.lat());
            }

            @Override
            public boolean isDone() {
              return false;
            }

            @Override
            public boolean isGeometryChanged() {
              return true;
            }
          });
      return g;
    }

    private static TileId parse(String zxy) {
      String[] parts = zxy.split("/");
      if (parts.length != 3) {
        throw new IllegalArgumentException("--tile wants Z/X/Y, got '" + zxy + "'");
      }
      try {
        return TileId.of(
            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--tile wants whole numbers Z/X/Y, got '" + zxy + "'");
      }
    }
  }
}
