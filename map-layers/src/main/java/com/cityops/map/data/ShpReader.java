package com.cityops.map.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedPolygon;

/**
 * Decodes the geometry file (.shp) of an ESRI shapefile (ESRI Shapefile Technical Description,
 * 1998) into JTS geometries in the file's own coordinates. Hand-written because GeoTools is not
 * available here; it covers what city data arrives as — Point, MultiPoint, PolyLine, Polygon and
 * their Z and M variants (Z and M values are skipped: the map is 2D) — and refuses MultiPatch.
 *
 * <p>Every length in the file is checked against the bytes actually present before it is used, so a
 * truncated or corrupt file fails with the record number and the reason, never with an
 * index-out-of-bounds. Stateless; thread-safe.
 */
final class ShpReader {
  static final int NULL = 0;
  private static final int HEADER_BYTES = 100;
  private static final int FILE_CODE = 9994;
  private static final int VERSION = 1000;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  /** One record: its 1-based number and its geometry, or null for a Null shape. */
  record ShpRecord(int number, Geometry geometry) {}

  private ShpReader() {}

  static List<ShpRecord> read(Path file, byte[] bytes) {
    if (bytes.length < HEADER_BYTES) {
      throw new MapDataException(
          "shapefile " + file + " is " + bytes.length + " bytes, shorter than its 100-byte header");
    }
    // The header mixes byte orders by design: file code and length big-endian, the rest little.
    ByteBuffer big = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (big.getInt(0) != FILE_CODE) {
      throw new MapDataException(
          "shapefile " + file + " does not start with the file code 9994: not a .shp file");
    }
    if (little.getInt(28) != VERSION) {
      throw new MapDataException(
          "shapefile " + file + " has version " + little.getInt(28) + ", expected 1000");
    }
    long declared = 2L * big.getInt(24);
    // Read what is there: a record cut in half is named below, one cut between records after.
    long end = Math.min(declared, bytes.length);
    int fileType = little.getInt(32);
    List<ShpRecord> records = new ArrayList<>();
    int offset = HEADER_BYTES;
    int expected = 1;
    while (offset < end) {
      if (offset + 8 > bytes.length) {
        throw corrupt(file, expected, "truncated inside the record header at byte " + offset);
      }
      int number = big.getInt(offset);
      long contentBytes = 2L * big.getInt(offset + 4);
      if (contentBytes < 4) {
        throw corrupt(file, expected, "content length " + contentBytes + " bytes is too short");
      }
      if (offset + 8 + contentBytes > bytes.length) {
        throw corrupt(
            file,
            expected,
            "truncated: its content needs "
                + contentBytes
                + " bytes at byte "
                + (offset + 8)
                + ", the file has "
                + bytes.length);
      }
      Content content = new Content(file, expected, little, offset + 8, (int) contentBytes);
      int type = content.intAt(0);
      if (type != NULL && type != fileType) {
        throw corrupt(
            file, expected, "shape type " + type + " differs from the file's type " + fileType);
      }
      Geometry geometry;
      try {
        geometry = type == NULL ? null : geometry(content, type);
      } catch (MapDataException e) {
        throw e;
      } catch (RuntimeException e) { // JTS refusing a ring or a part: name the record
        throw corrupt(file, expected, "geometry cannot be built: " + e.getMessage());
      }
      records.add(new ShpRecord(number, geometry));
      offset += 8 + (int) contentBytes;
      expected++;
    }
    if (declared > bytes.length) {
      throw corrupt(
          file,
          expected,
          "missing: the header declares "
              + declared
              + " bytes, the file has "
              + bytes.length
              + " (truncated after record "
              + (expected - 1)
              + ")");
    }
    return records;
  }

  private static Geometry geometry(Content c, int type) {
    return switch (type) {
      case 1, 11, 21 -> point(c.coordinate(4, 0));
      case 8, 18, 28 -> {
        int n = c.count(36, "point count");
        c.need(40 + 16L * n, n + " points");
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
          points[i] = point(c.coordinate(40 + 16 * i, i));
        }
        yield GEOMETRIES.createMultiPoint(points);
      }
      case 3, 13, 23 -> lines(parts(c));
      case 5, 15, 25 -> polygons(c, parts(c));
      case 31 -> throw c.corrupt("MultiPatch (type 31) is not supported; export as Polygon");
      default -> throw c.corrupt("unknown shape type " + type);
    };
  }

  private static Point point(Coordinate c) {
    return GEOMETRIES.createPoint(c);
  }

  /** The parts of a PolyLine or Polygon record as coordinate arrays (XY only). */
  private static List<Coordinate[]> parts(Content c) {
    int numParts = c.count(36, "part count");
    int numPoints = c.count(40, "point count");
    // In long: a huge part count must fail this check, not overflow past it into an allocation.
    c.need(44L + 4L * numParts + 16L * numPoints, numParts + " parts and " + numPoints + " points");
    int pointsAt = 44 + 4 * numParts;
    List<Coordinate[]> parts = new ArrayList<>(numParts);
    for (int p = 0; p < numParts; p++) {
      int start = c.intAt(44 + 4 * p);
      int end = p + 1 < numParts ? c.intAt(44 + 4 * (p + 1)) : numPoints;
      if (start < 0 || end > numPoints || start >= end) {
        throw c.corrupt("part " + p + " spans points " + start + ".." + end + " of " + numPoints);
      }
      Coordinate[] coordinates = new Coordinate[end - start];
      for (int i = start; i < end; i++) {
        coordinates[i - start] = c.coordinate(pointsAt + 16 * i, i);
      }
      parts.add(coordinates);
    }
    return parts;
  }

  private static Geometry lines(List<Coordinate[]> parts) {
    LineString[] lines = new LineString[parts.size()];
    for (int i = 0; i < lines.length; i++) {
      Coordinate[] part = parts.get(i);
      // A one-point part is legal in the file but not a line: repeat it, as GDAL does.
      lines[i] =
          GEOMETRIES.createLineString(
              part.length == 1 ? new Coordinate[] {part[0], part[0]} : part);
    }
    return lines.length == 1 ? lines[0] : GEOMETRIES.createMultiLineString(lines);
  }

  /**
   * ESRI's rule: outer rings run clockwise, holes counter-clockwise. Each hole goes to the smallest
   * outer ring that contains it; a "hole" inside no outer ring is taken as an outer ring (files
   * written with the wrong orientation exist and are still meant to be drawn).
   */
  private static Geometry polygons(Content c, List<Coordinate[]> parts) {
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      LinearRing ring = ring(c, i, parts.get(i));
      (Orientation.isCCW(ring.getCoordinateSequence()) ? holes : shells).add(ring);
    }
    List<List<LinearRing>> holesOf = new ArrayList<>();
    List<PreparedPolygon> shellAreas = new ArrayList<>();
    for (LinearRing shell : shells) {
      holesOf.add(new ArrayList<>());
      shellAreas.add(new PreparedPolygon(GEOMETRIES.createPolygon(shell)));
    }
    for (LinearRing hole : holes) {
      int best = -1;
      for (int s = 0; s < shells.size(); s++) {
        if (shellAreas.get(s).covers(GEOMETRIES.createPoint(hole.getCoordinateN(0)))
            && (best < 0
                || shellAreas.get(s).getGeometry().getArea()
                    < shellAreas.get(best).getGeometry().getArea())) {
          best = s;
        }
      }
      if (best < 0) {
        shells.add(hole);
        holesOf.add(new ArrayList<>());
        shellAreas.add(new PreparedPolygon(GEOMETRIES.createPolygon(hole)));
      } else {
        holesOf.get(best).add(hole);
      }
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int s = 0; s < polygons.length; s++) {
      polygons[s] =
          GEOMETRIES.createPolygon(shells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
    }
    return polygons.length == 1 ? polygons[0] : GEOMETRIES.createMultiPolygon(polygons);
  }

  private static LinearRing ring(Content c, int part, Coordinate[] points) {
    Coordinate[] closed = points;
    if (!points[0].equals2D(points[points.length - 1])) {
      closed = Arrays.copyOf(points, points.length + 1); // writers that skip closing
      closed[points.length] = points[0];
    }
    if (closed.length < 4) {
      throw c.corrupt("ring " + part + " has " + points.length + " points; a ring needs 4");
    }
    return GEOMETRIES.createLinearRing(closed);
  }

  private static MapDataException corrupt(Path file, int record, String reason) {
    return new MapDataException("shapefile " + file + ", record " + record + ": " + reason);
  }

  /** One record's content, with bounds checks that name the record. */
  private record Content(Path file, int record, ByteBuffer little, int start, int length) {
    int intAt(int at) {
      need(at + 4L, "an integer at content byte " + at);
      return little.getInt(start + at);
    }

    double doubleAt(int at) {
      need(at + 8L, "a coordinate at content byte " + at);
      return little.getDouble(start + at);
    }

    /** Point {@code index} (for the message) at content byte {@code at}: finite x, y. */
    Coordinate coordinate(int at, int index) {
      double x = doubleAt(at);
      double y = doubleAt(at + 8);
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw corrupt("point " + index + " (" + x + ", " + y + ") is not finite");
      }
      return new Coordinate(x, y);
    }

    int count(int at, String what) {
      int n = intAt(at);
      if (n < 0) {
        throw corrupt("negative " + what + " " + n);
      }
      return n;
    }

    void need(long bytes, String what) {
      if (bytes > length) {
        throw corrupt(
            "content is " + length + " bytes, too short for " + what + " (needs " + bytes + ")");
      }
    }

    MapDataException corrupt(String reason) {
      return ShpReader.corrupt(file, record, reason);
    }
  }
}
