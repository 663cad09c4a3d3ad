package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import com.cityops.map.geo.LonLat;
import com.cityops.map.geo.WebMercator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads a GeoJSON FeatureCollection (RFC 7946) into a {@link MemoryFeatureSource}, projecting from
 * the source CRS (WGS84 by default; CGCS2000, GCJ-02, BD-09 for Chinese data) to EPSG:3857.
 * jts-io-common parses each geometry; properties are read here because its reader drops them.
 */
public final class GeoJsonDataStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJsonDataStore() {}

  public static MemoryFeatureSource read(Path file, String name, Crs sourceCrs) {
    try {
      return read(Files.readString(file), name, sourceCrs);
    } catch (IOException e) {
      throw new MapDataException("cannot read GeoJSON " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws MapDataException naming the feature and the reason when the text is not a usable
   *     FeatureCollection
   */
  public static MemoryFeatureSource read(String geoJson, String name, Crs sourceCrs) {
    JsonNode root;
    try {
      root = JSON.readTree(geoJson);
    } catch (JsonProcessingException e) {
      throw new MapDataException(
          "layer '" + name + "' is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new MapDataException("layer '" + name + "' is not a GeoJSON FeatureCollection");
    }
    return new MemoryFeatureSource(name, features(root, name, sourceCrs, 0));
  }

  /**
   * The features of an already parsed FeatureCollection (for readers that get GeoJSON in pieces,
   * such as pages of an OGC API). Features without an id are named {@code name#index}, counting
   * from {@code firstIndex}, so ids stay unique across pages.
   */
  static List<Feature> features(JsonNode collection, String name, Crs sourceCrs, int firstIndex) {
    GeoJsonReader reader = new GeoJsonReader();
    List<Feature> features = new ArrayList<>();
    int index = firstIndex;
    for (JsonNode node : collection.path("features")) {
      String id = node.hasNonNull("id") ? node.get("id").asText() : name + "#" + index;
      Geometry geometry;
      try {
        geometry = reader.read(node.path("geometry").toString());
      } catch (ParseException | RuntimeException e) {
        throw new MapDataException(
            "layer '"
                + name
                + "', feature "
                + id
                + ": unreadable geometry ("
                + e.getMessage()
                + ")",
            e);
      }
      for (Coordinate c : geometry.getCoordinates()) {
        if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
          throw new MapDataException(
              "layer '"
                  + name
                  + "', feature "
                  + id
                  + ": position ("
                  + c.x
                  + ", "
                  + c.y
                  + ") is not a finite [lon, lat]");
        }
      }
      Geometry projected;
      try {
        if (!geometry.isValid()) {
          geometry = geometry.buffer(0); // self-intersections in hand-drawn boundaries
        }
        projected = toMercator(geometry, sourceCrs);
      } catch (RuntimeException e) { // LonLat's range check, JTS topology errors
        throw new MapDataException(
            "layer '" + name + "', feature " + id + ": unusable geometry (" + e.getMessage() + ")",
            e);
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      node.path("properties")
          .fields()
          .forEachRemaining(
              p -> {
                // JSON null means "no value": absent, as the other readers do (not the text "null")
                if (!p.getValue().isNull()) {
                  properties.put(
                      p.getKey(),
                      p.getValue().isNumber() ? p.getValue().numberValue() : p.getValue().asText());
                }
              });
      features.add(new Feature(id, projected, properties));
      index++;
    }
    return features;
  }

  /** A copy of {@code geometry} in EPSG:3857. */
  public static Geometry toMercator(Geometry geometry, Crs sourceCrs) {
    Geometry copy = geometry.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            LonLat p = sourceCrs.toWgs84(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, 0, WebMercator.x(p.lon()));
            seq.setOrdinate(i, 1, WebMercator.y(p.lat()));
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
    return copy;
  }
}
