package com.cityops.map.vector;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads Mapbox Vector Tiles (spec 2.1; gzipped or not). The protocol buffer is parsed by the
 * maintained {@code mapbox-vector-tile-java} library's generated classes; the geometry commands are
 * decoded here ({@link MvtGeometry}) because the library's reader logs and skips bad geometry
 * instead of saying what is wrong, and does not check command counts.
 *
 * <p>Two modes. {@link #decode(byte[])} is strict: anything the spec calls invalid throws a {@link
 * VectorTileException}. {@link #decode(byte[], Consumer)} is what a map wants: problems the
 * mvt-fixtures suite calls <em>recoverable</em> (a feature without a type, an odd tag list, a
 * zero-length segment, a repeated layer name) are reported and that feature or layer skipped or
 * repaired; structural (<em>fatal</em>) ones still throw, since the rest of the tile cannot be
 * trusted either.
 *
 * <p>Stateless and thread-safe.
 */
public final class MvtDecoder {
  // Field numbers of vector_tile.proto, to notice fields the parser put aside as unknown because
  // their wire type was wrong (a string where a uint32 belongs).
  private static final int[] LAYER_FIELDS = {1, 2, 3, 4, 5, 15};
  private static final int[] FEATURE_FIELDS = {1, 2, 3, 4};
  private static final int[] VALUE_FIELDS = {1, 2, 3, 4, 5, 6, 7};

  private MvtDecoder() {}

  /** Strict: every spec violation throws. */
  public static VectorTile decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * Lenient for recoverable problems, which go to {@code problems} (one message each, naming layer
   * and feature); strict when {@code problems} is null.
   */
  public static VectorTile decode(byte[] bytes, Consumer<String> problems) {
    Tile tile = parse(gunzipIfNeeded(bytes));
    List<VectorTile.Layer> layers = new ArrayList<>(tile.getLayersCount());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tile.getLayersCount(); i++) {
      Tile.Layer layer = tile.getLayers(i);
      VectorTile.Layer decoded = layer(layer, i, problems);
      if (!names.add(decoded.name())) {
        recoverable(
            problems,
            "layer #"
                + i
                + " '"
                + decoded.name()
                + "' repeats the name of an earlier layer; skipped");
        continue;
      }
      layers.add(decoded);
    }
    return new VectorTile(layers);
  }

  private static Tile parse(byte[] bytes) {
    try {
      Tile tile = Tile.parseFrom(bytes);
      // Other unknown fields are extensions (16…8191), which the spec allows.
      wrongWireTypes(tile.getUnknownFields(), new int[] {3}, "tile");
      return tile;
    } catch (InvalidProtocolBufferException e) {
      throw new VectorTileException(
          "not a vector tile (truncated or not a protocol buffer): " + e.getMessage(), e);
    }
  }

  private static byte[] gunzipIfNeeded(byte[] bytes) {
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new VectorTileException("gzipped vector tile cannot be unpacked: " + e.getMessage(), e);
    }
  }

  private static VectorTile.Layer layer(Tile.Layer layer, int index, Consumer<String> problems) {
    String where = "layer #" + index + (layer.hasName() ? " '" + layer.getName() + "'" : "");
    wrongWireTypes(layer.getUnknownFields(), LAYER_FIELDS, where);
    if (!layer.hasName()) {
      throw new VectorTileException(where + " has no name; the spec requires one");
    }
    if (!layer.hasVersion()) {
      throw new VectorTileException(where + " has no version; the spec requires 1 or 2");
    }
    int version = layer.getVersion();
    if (version != 1 && version != 2) {
      throw new VectorTileException(where + " has version " + version + "; only 1 and 2 exist");
    }
    int extent = layer.getExtent(); // 4096 when absent, the spec's default
    if (extent <= 0) {
      throw new VectorTileException(where + " has extent " + extent + "; it must be positive");
    }
    List<String> keys = layer.getKeysList();
    List<Object> values = new ArrayList<>(layer.getValuesCount());
    for (int v = 0; v < layer.getValuesCount(); v++) {
      values.add(value(layer.getValues(v), where + " value #" + v));
    }
    List<VectorTile.Feature> features = new ArrayList<>(layer.getFeaturesCount());
    for (int f = 0; f < layer.getFeaturesCount(); f++) {
      Tile.Feature feature = layer.getFeatures(f);
      Where at = new Where(where, f, feature.hasId() ? feature.getId() : null);
      VectorTile.Feature decoded = feature(feature, at, version, keys, values, problems);
      if (decoded != null) {
        features.add(decoded);
      }
    }
    return new VectorTile.Layer(layer.getName(), version, extent, features);
  }

  private static VectorTile.Feature feature(
      Tile.Feature feature,
      Where at,
      int version,
      List<String> keys,
      List<Object> values,
      Consumer<String> problems) {
    UnknownFieldSet unknown = feature.getUnknownFields();
    if (unknown.hasField(3)) {
      recoverable(problems, at + " has an undefined geometry type; skipped");
      return null;
    }
    wrongWireTypes(unknown, FEATURE_FIELDS, at);
    if (feature.getType() == Tile.GeomType.UNKNOWN) {
      // The spec leaves UNKNOWN to experiments and lets decoders ignore it; a missing type is
      // UNKNOWN by the proto's default (mvt-fixtures 003 and 016 are the same bytes).
      if (problems != null) {
        problems.accept(
            at
                + (feature.hasType() ? " has geometry type UNKNOWN" : " has no geometry type")
                + "; ignored as the spec allows for UNKNOWN");
      }
      return null;
    }
    if (feature.getGeometryCount() == 0) {
      recoverable(problems, at + " has no geometry; skipped");
      return null;
    }
    if (feature.getTagsCount() % 2 != 0) {
      recoverable(
          problems,
          at + " has " + feature.getTagsCount() + " tags; they come in key/value pairs; skipped");
      return null;
    }
    Map<String, Object> properties = new HashMap<>(feature.getTagsCount());
    for (int t = 0; t < feature.getTagsCount(); t += 2) {
      int k = feature.getTags(t);
      int v = feature.getTags(t + 1);
      if (k < 0 || k >= keys.size()) {
        throw new VectorTileException(
            at + " tag #" + t / 2 + " names key " + k + " but the layer has " + keys.size());
      }
      if (v < 0 || v >= values.size()) {
        throw new VectorTileException(
            at + " tag #" + t / 2 + " names value " + v + " but the layer has " + values.size());
      }
      properties.put(keys.get(k), values.get(v));
    }
    VectorTile.GeomType type =
        switch (feature.getType()) {
          case POINT -> VectorTile.GeomType.POINT;
          case LINESTRING -> VectorTile.GeomType.LINESTRING;
          case POLYGON -> VectorTile.GeomType.POLYGON;
          default -> throw new VectorTileException(at + " has geometry type " + feature.getType());
        };
    Geometry geometry =
        MvtGeometry.decode(
            feature.getGeometryList(),
            type,
            version,
            at,
            message -> recoverable(problems, message));
    if (geometry == null) {
      return null;
    }
    return new VectorTile.Feature(
        feature.hasId() ? feature.getId() : null, type, geometry, properties);
  }

  /**
   * Where a feature sits, turned into words only when something is wrong: building the text for
   * every feature cost a third of the decoding time.
   */
  record Where(String layer, int feature, Long id) {
    @Override
    public String toString() {
      return layer + " feature #" + feature + (id == null ? "" : " (id " + id + ")");
    }
  }

  private static Object value(Tile.Value value, String where) {
    wrongWireTypes(value.getUnknownFields(), VALUE_FIELDS, where);
    if (!value.getUnknownFields().asMap().isEmpty()) {
      throw new VectorTileException(
          where
              + " has a value type the spec does not define (field "
              + value.getUnknownFields().asMap().keySet()
              + ")");
    }
    if (value.hasStringValue()) {
      return value.getStringValue();
    } else if (value.hasFloatValue()) {
      return value.getFloatValue();
    } else if (value.hasDoubleValue()) {
      return value.getDoubleValue();
    } else if (value.hasIntValue()) {
      return value.getIntValue();
    } else if (value.hasUintValue()) {
      return value.getUintValue();
    } else if (value.hasSintValue()) {
      return value.getSintValue();
    } else if (value.hasBoolValue()) {
      return value.getBoolValue();
    }
    throw new VectorTileException(where + " is empty; a value must hold exactly one type");
  }

  private static void wrongWireTypes(UnknownFieldSet unknown, int[] known, Object where) {
    for (int field : known) {
      if (unknown.hasField(field)) {
        throw new VectorTileException(
            where + " has field " + field + " encoded with the wrong wire type");
      }
    }
  }

  private static void recoverable(Consumer<String> problems, String message) {
    if (problems == null) {
      throw new VectorTileException(message);
    }
    problems.accept(message);
  }
}
