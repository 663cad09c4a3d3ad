package com.cityops.bench;

import com.cityops.map.geo.TileId;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.render.RenderPlan;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTile;
import com.cityops.map.vector.VectorTileRenderer;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile.Tile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Part 1 of the {@code basemap} workload: vector tiles decoded and rasterised per second on one
 * thread (so per core), for a fixed set of real tiles of the bundled pack, with the bundled dark
 * style. Four passes over the set per round, each timed on its own:
 *
 * <ol>
 *   <li><b>floor</b> — gzip inflate + protobuf parse ({@code Tile.parseFrom}, the generated classes
 *       of {@code mapbox-vector-tile-java} that {@link MvtDecoder} uses): no geometry decoded;
 *   <li><b>decode</b> — {@link MvtDecoder#decode(byte[], java.util.function.Consumer)}, lenient as
 *       the basemap's loader calls it: inflate, parse, geometry to JTS, properties;
 *   <li><b>256 px</b> — decode, then {@link VectorTileRenderer#plan} and {@link
 *       PlanRasterizer#render} at scale 1 (exactly {@link VectorTileRenderer#render});
 *   <li><b>512 px</b> — the same at scale 2 (a HiDPI tile).
 * </ol>
 *
 * Input is the pack's stored bytes (gzipped, read once before timing); SQLite is not timed. Rounds
 * run until the warm-up time has passed; then each pass repeats the set as often as it takes to
 * last about 250 ms (the floor passes are otherwise too short to time), and each figure is the
 * median over the measured rounds. The rasterising pass also records the thread's CPU time, because
 * the machine is shared, and its split into decode, plan and paint.
 *
 * <p>Not thread-safe; runs on the calling thread.
 */
final class TileThroughput {
  /** One stored tile of the set. */
  record Stored(TileId id, byte[] gzipped) {}

  /** Medians (and spreads) of one part-1 run. */
  record Figures(
      int tiles,
      double meanStoredBytes,
      Samples floorPerS,
      Samples decodePerS,
      Samples render256PerS,
      Samples render512PerS,
      Samples render256PerCpuS,
      Samples render512PerCpuS,
      Samples decodeMs,
      Samples planMs,
      Samples paintMs) {}

  private static volatile long sink;

  private final List<Stored> set;
  private final String sourceId;
  private final VectorTileRenderer renderer;
  private final PlanRasterizer rasterizer;
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

  TileThroughput(List<Stored> set, MapLibreStyle style, String sourceId, PlanRasterizer raster) {
    this.set = List.copyOf(set);
    this.sourceId = sourceId;
    this.rasterizer = raster;
    this.renderer = new VectorTileRenderer(style, raster);
  }

  /** The tiles of {@code wanted} that the pack holds, as stored (gzipped), in the given order. */
  static List<Stored> read(Path mbtiles, List<TileId> wanted) {
    List<Stored> out = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + mbtiles.toAbsolutePath());
        PreparedStatement q =
            db.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ?"
                    + " AND tile_row = ?")) {
      for (TileId t : wanted) {
        q.setInt(1, t.z());
        q.setInt(2, t.x());
        q.setInt(3, t.tmsY());
        try (ResultSet r = q.executeQuery()) {
          if (r.next()) {
            byte[] bytes = r.getBytes(1);
            if (bytes != null && bytes.length > 0) {
              out.add(new Stored(t, bytes));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + mbtiles + ": " + e.getMessage(), e);
    }
    return out;
  }

  Figures measure(double warmupSeconds, int rounds) {
    long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    int warm = 0;
    do {
      round(null);
      warm++;
    } while (System.nanoTime() < warmEnd);
    // Each pass repeats the set until it lasts about PASS_NANOS, so the short ones are timed too.
    for (int p = 0; p < PASSES; p++) {
      reps[p] = (int) Math.max(1, Math.ceil(PASS_NANOS / (double) Math.max(1, lastNanos[p])));
    }
    System.out.printf(
        Locale.ROOT,
        "  %d tiles, %d warm-up rounds; set repeated per pass: floor %d, decode %d, 256 px %d,"
            + " 512 px %d%n",
        set.size(),
        warm,
        reps[0],
        reps[1],
        reps[2],
        reps[3]);
    Figures f =
        new Figures(
            set.size(),
            set.stream().mapToInt(s -> s.gzipped().length).average().orElse(0),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples(),
            new Samples());
    for (int r = 0; r < rounds; r++) {
      round(f);
      System.out.printf(
          Locale.ROOT,
          "  tiles round %d: floor %.0f, decode %.0f, 256 px %.0f, 512 px %.0f tiles/s%n",
          r + 1,
          f.floorPerS().last(),
          f.decodePerS().last(),
          f.render256PerS().last(),
          f.render512PerS().last());
    }
    return f;
  }

  private static final int PASSES = 4;
  private static final long PASS_NANOS = 250_000_000L;
  private final int[] reps = {1, 1, 1, 1};
  private final long[] lastNanos = new long[PASSES];

  /** One round of the four passes; figures go to {@code f} unless it is null (warm-up). */
  private void round(Figures f) {
    int n = set.size();
    long t0 = System.nanoTime();
    for (int k = 0; k < reps[0]; k++) {
      for (Stored s : set) {
        Tile parsed = parse(inflate(s.gzipped()));
        sink += parsed.getLayersCount();
      }
    }
    long t1 = System.nanoTime();
    for (int k = 0; k < reps[1]; k++) {
      for (Stored s : set) {
        VectorTile v = MvtDecoder.decode(s.gzipped(), problem -> {});
        sink += v.layers().size();
      }
    }
    long t2 = System.nanoTime();
    long decodeNs = 0;
    long planNs = 0;
    long paintNs = 0;
    long c2 = cpu.getCurrentThreadCpuTime();
    for (int k = 0; k < reps[2]; k++) {
      for (Stored s : set) {
        long a = System.nanoTime();
        VectorTile v = MvtDecoder.decode(s.gzipped(), problem -> {});
        long b = System.nanoTime();
        RenderPlan plan = renderer.plan(s.id(), Map.of(sourceId, v), 256);
        long c = System.nanoTime();
        sink += rasterizer.render(plan, 1, null).getRGB(128, 128);
        long d = System.nanoTime();
        decodeNs += b - a;
        planNs += c - b;
        paintNs += d - c;
      }
    }
    long t3 = System.nanoTime();
    long c3 = cpu.getCurrentThreadCpuTime();
    for (int k = 0; k < reps[3]; k++) {
      for (Stored s : set) {
        VectorTile v = MvtDecoder.decode(s.gzipped(), problem -> {});
        RenderPlan plan = renderer.plan(s.id(), Map.of(sourceId, v), 256);
        sink += rasterizer.render(plan, 2, null).getRGB(256, 256);
      }
    }
    long t4 = System.nanoTime();
    long c4 = cpu.getCurrentThreadCpuTime();
    lastNanos[0] = (t1 - t0) / reps[0];
    lastNanos[1] = (t2 - t1) / reps[1];
    lastNanos[2] = (t3 - t2) / reps[2];
    lastNanos[3] = (t4 - t3) / reps[3];
    if (f == null) {
      return;
    }
    f.floorPerS().add((double) n * reps[0] / ((t1 - t0) / 1e9));
    f.decodePerS().add((double) n * reps[1] / ((t2 - t1) / 1e9));
    f.render256PerS().add((double) n * reps[2] / ((t3 - t2) / 1e9));
    f.render512PerS().add((double) n * reps[3] / ((t4 - t3) / 1e9));
    if (c2 >= 0) { // -1 where the JVM cannot measure thread CPU time
      f.render256PerCpuS().add((double) n * reps[2] / ((c3 - c2) / 1e9));
      f.render512PerCpuS().add((double) n * reps[3] / ((c4 - c3) / 1e9));
    }
    long perTile = (long) n * reps[2];
    f.decodeMs().add(decodeNs / 1e6 / perTile);
    f.planMs().add(planNs / 1e6 / perTile);
    f.paintMs().add(paintNs / 1e6 / perTile);
  }

  private static byte[] inflate(byte[] bytes) {
    if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Tile parse(byte[] protobuf) {
    try {
      return Tile.parseFrom(protobuf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
