package com.cityops.map.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Decodes one feature's geometry commands (spec 2.1 §4.3) into JTS geometry in tile units, checking
 * what the spec requires: known command ids, MoveTo/ClosePath counts, parameters present, a first
 * ring that is exterior. Cursor arithmetic is done in longs so tiles with coordinates beyond int32
 * (mvt-fixtures 049/050) decode to the values their deltas say instead of wrapping.
 *
 * <p>Stateless and thread-safe.
 */
final class MvtGeometry {
  private static final int MOVE_TO = 1;
  private static final int LINE_TO = 2;
  private static final int CLOSE_PATH = 7;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private MvtGeometry() {}

  /**
   * The geometry, or null when a recoverable problem (told to {@code recoverable}, which throws in
   * strict mode) leaves nothing to draw. Fatal problems throw {@link VectorTileException}.
   */
  static Geometry decode(
      List<Integer> commands,
      VectorTile.GeomType type,
      int version,
      Object at,
      Consumer<String> recoverable) {
    Reader r = new Reader(commands, at);
    return switch (type) {
      case POINT -> points(r, at, recoverable);
      case LINESTRING -> lines(r, at, recoverable);
      case POLYGON -> polygons(r, version, at, recoverable);
    };
  }

  private static Geometry points(Reader r, Object at, Consumer<String> recoverable) {
    r.command();
    if (r.id != MOVE_TO || r.count == 0) {
      throw r.fail("a point geometry must be one MoveTo with a count above 0");
    }
    Coordinate[] points = new Coordinate[r.count];
    for (int i = 0; i < points.length; i++) {
      points[i] = r.point();
    }
    if (r.hasMore()) {
      recoverable.accept(at + ": a point geometry must be a single MoveTo command; skipped");
      return null;
    }
    return points.length == 1
        ? FACTORY.createPoint(points[0])
        : FACTORY.createMultiPointFromCoords(points);
  }

  private static Geometry lines(Reader r, Object at, Consumer<String> recoverable) {
    List<LineString> lines = new ArrayList<>();
    while (r.hasMore()) {
      Coordinate[] line = path(r, false, at, recoverable);
      if (line != null) {
        lines.add(FACTORY.createLineString(line));
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    return lines.size() == 1
        ? lines.get(0)
        : FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
  }

  private static Geometry polygons(Reader r, int version, Object at, Consumer<String> recoverable) {
    List<Polygon> polygons = new ArrayList<>();
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    while (r.hasMore()) {
      Coordinate[] ring = path(r, true, at, recoverable);
      if (ring == null) {
        continue;
      }
      double area = signedArea(ring);
      if (area == 0) {
        recoverable.accept(at + ": a polygon ring has no area; ring skipped");
        continue;
      }
      // Exterior rings have positive area in tile coordinates (y down), interior negative.
      boolean exterior = area > 0;
      if (shell == null && !exterior) {
        if (version == 2) {
          recoverable.accept(
              at + ": the first polygon ring winds like a hole (spec 2.1 §4.3.4.4); reversed");
        }
        // Version 1 did not fix the winding order: a lone first ring is an exterior either way.
        exterior = true;
        reverse(ring);
      }
      if (exterior) {
        if (shell != null) {
          polygons.add(FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
          holes.clear();
        }
        shell = FACTORY.createLinearRing(ring);
      } else {
        holes.add(FACTORY.createLinearRing(ring));
      }
    }
    if (shell != null) {
      polygons.add(FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
    }
    if (polygons.isEmpty()) {
      return null;
    }
    return polygons.size() == 1
        ? polygons.get(0)
        : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** MoveTo(1), LineTo(n), and for rings ClosePath(1); a ring comes back closed. */
  private static Coordinate[] path(
      Reader r, boolean ring, Object at, Consumer<String> recoverable) {
    r.command();
    if (r.id != MOVE_TO || r.count != 1) {
      throw r.fail(
          (ring ? "a polygon ring" : "a line")
              + " must start with MoveTo count 1, found "
              + r.name()
              + " count "
              + r.count);
    }
    List<Coordinate> points = new ArrayList<>();
    points.add(r.point());
    r.command();
    if (r.id != LINE_TO || r.count == 0) {
      throw r.fail("MoveTo must be followed by LineTo with a count above 0, found " + r.name());
    }
    boolean repeated = false;
    for (int i = 0; i < r.count; i++) {
      Coordinate p = r.point();
      if (p.equals2D(points.get(points.size() - 1))) {
        repeated = true; // §4.3.3.2: a LineTo must move the cursor
      } else {
        points.add(p);
      }
    }
    if (repeated) {
      recoverable.accept(at + ": a LineTo does not move the cursor (§4.3.3.2); point dropped");
    }
    if (ring) {
      r.command();
      if (r.id != CLOSE_PATH || r.count != 1) {
        throw r.fail(
            "a polygon ring must end with ClosePath count 1, found "
                + r.name()
                + " count "
                + r.count);
      }
      if (points.size() < 3) {
        recoverable.accept(at + ": a polygon ring has fewer than 3 distinct points; skipped");
        return null;
      }
      points.add(new Coordinate(points.get(0)));
    } else if (points.size() < 2) {
      recoverable.accept(at + ": a line has fewer than 2 distinct points; skipped");
      return null;
    }
    return points.toArray(Coordinate[]::new);
  }

  private static double signedArea(Coordinate[] ring) {
    double sum = 0;
    for (int i = 0; i < ring.length - 1; i++) {
      sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    }
    return sum / 2;
  }

  private static void reverse(Coordinate[] ring) {
    for (int i = 0, j = ring.length - 1; i < j; i++, j--) {
      Coordinate t = ring[i];
      ring[i] = ring[j];
      ring[j] = t;
    }
  }

  /** A cursor over the command integers. */
  private static final class Reader {
    private final List<Integer> ints;
    private final Object at;
    private int next;
    private long x;
    private long y;
    int id;
    int count;

    Reader(List<Integer> ints, Object at) {
      this.ints = ints;
      this.at = at;
    }

    boolean hasMore() {
      return next < ints.size();
    }

    void command() {
      if (!hasMore()) {
        throw fail("geometry ends where a command was expected");
      }
      int c = ints.get(next++);
      id = c & 7;
      count = c >>> 3;
      if (id != MOVE_TO && id != LINE_TO && id != CLOSE_PATH) {
        throw fail("unknown command id " + id);
      }
      // Checked before anything is allocated: a count of half a billion must not cost memory.
      long params = id == CLOSE_PATH ? 0 : 2L * count;
      if (params > ints.size() - next) {
        throw fail(
            name()
                + " count "
                + count
                + " needs "
                + params
                + " parameters but only "
                + (ints.size() - next)
                + " follow");
      }
    }

    Coordinate point() {
      x += zigzag(ints.get(next++));
      y += zigzag(ints.get(next++));
      return new Coordinate(x, y);
    }

    String name() {
      return switch (id) {
        case MOVE_TO -> "MoveTo";
        case LINE_TO -> "LineTo";
        default -> "ClosePath";
      };
    }

    VectorTileException fail(String what) {
      return new VectorTileException(
          at + ": " + what + " (at geometry integer " + (next - 1) + ")");
    }

    private static long zigzag(int n) {
      long u = n & 0xffffffffL;
      return (u >>> 1) ^ -(u & 1);
    }
  }
}
