package com.cityops.sim.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS ↔ GeoJSON (RFC 7946) geometry trees. jts-io-common's reader drops feature properties and is
 * not on this module's path; the polygonal subset the simulator needs is short enough to write
 * here.
 */
final class GeoJsonGeometries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeoJsonGeometries() {}

  static Geometry read(JsonNode geometry, GeometryFactory factory) {
    String type = geometry.get("type").asText();
    JsonNode coords = geometry.get("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(coords, factory);
      case "MultiPolygon" -> {
        Polygon[] parts = new Polygon[coords.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = polygon(coords.get(i), factory);
        }
        yield factory.createMultiPolygon(parts);
      }
      default ->
          throw new IllegalArgumentException(
              "district boundaries must be (Multi)Polygons, got " + type);
    };
  }

  private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
    LinearRing shell = ring(rings.get(0), factory);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), factory);
    }
    return factory.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
    List<Coordinate> coordinates = new ArrayList<>(positions.size() + 1);
    for (JsonNode p : positions) {
      coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
    }
    if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
      coordinates.add(new Coordinate(coordinates.get(0)));
    }
    return factory.createLinearRing(coordinates.toArray(Coordinate[]::new));
  }

  /** The geometry as a GeoJSON tree, coordinates rounded to 6 decimals (~0.1 m). */
  static JsonNode write(Geometry geometry) {
    ObjectNode node = NODES.objectNode();
    if (geometry instanceof Point point) {
      node.put("type", "Point");
      node.set("coordinates", position(point.getCoordinate()));
    } else if (geometry instanceof Polygon polygon) {
      node.put("type", "Polygon");
      node.set("coordinates", rings(polygon));
    } else {
      node.put("type", "MultiPolygon");
      ArrayNode polygons = node.putArray("coordinates");
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        if (geometry.getGeometryN(i) instanceof Polygon polygon) {
          polygons.add(rings(polygon));
        }
      }
    }
    return node;
  }

  private static ArrayNode rings(Polygon polygon) {
    ArrayNode rings = NODES.arrayNode();
    rings.add(positions(polygon.getExteriorRing().getCoordinates()));
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
    }
    return rings;
  }

  private static ArrayNode positions(Coordinate[] coordinates) {
    ArrayNode array = NODES.arrayNode();
    for (Coordinate c : coordinates) {
      array.add(position(c));
    }
    return array;
  }

  private static ArrayNode position(Coordinate c) {
    ArrayNode p = NODES.arrayNode();
    p.add(Math.round(c.x * 1e6) / 1e6);
    p.add(Math.round(c.y * 1e6) / 1e6);
    return p;
  }
}
