package com.cityops.sim.http;

import com.cityops.map.geo.TileId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test's hand on the tile endpoint: which requests for a tile answer a {@link TileFault}, and
 * how many requests each tile received (so a test can prove a cache spared the network). Reached
 * only in process ({@code SimServer.tileFaults()}), never over HTTP: no client can trip a fault by
 * accident, and a demo server without faults behaves exactly like one that never had this class.
 *
 * <p>Per tile, queued faults ({@link #next}) go first, one per request, in the order given; then
 * the standing fault ({@link #always}), if any; then the normal answer. Counts cover every request
 * for a well-formed tile address, faulted or not. Only the first {@value #MAX_COUNTED} distinct
 * tiles are counted, so a client sweeping the world cannot grow the table without bound.
 * Thread-safe.
 */
public final class TileFaults {
  static final int MAX_COUNTED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(TileFaults.class);

  private record Key(String pack, TileId tile) {
    Key {
      Objects.requireNonNull(pack, "pack");
      Objects.requireNonNull(tile, "tile");
    }
  }

  private static final class Counts {
    int requests;
    int notModified;
  }

  private final Map<Key, Deque<TileFault>> queued = new HashMap<>();
  private final Map<Key, TileFault> standing = new HashMap<>();
  private final Map<Key, Counts> counts = new HashMap<>();
  private boolean warnedFull;

  /** The next {@code times} requests for this tile answer {@code fault} (after earlier ones). */
  public synchronized TileFaults next(String pack, TileId tile, int times, TileFault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    Objects.requireNonNull(fault, "fault");
    Deque<TileFault> queue = queued.computeIfAbsent(new Key(pack, tile), k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(fault);
    }
    return this;
  }

  /** Every request for this tile answers {@code fault} once the queued ones are used up. */
  public synchronized TileFaults always(String pack, TileId tile, TileFault fault) {
    standing.put(new Key(pack, tile), Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Requests for this tile so far, including faulted and 304 answers. */
  public synchronized int requests(String pack, TileId tile) {
    Counts c = counts.get(new Key(pack, tile));
    return c == null ? 0 : c.requests;
  }

  /** Requests for this tile answered 304 Not Modified. */
  public synchronized int notModified(String pack, TileId tile) {
    Counts c = counts.get(new Key(pack, tile));
    return c == null ? 0 : c.notModified;
  }

  /** Forgets every fault and count (between tests). */
  public synchronized void reset() {
    queued.clear();
    standing.clear();
    counts.clear();
    warnedFull = false;
  }

  /** Counts a request and answers the fault it meets, or null for the normal answer. */
  synchronized TileFault arrived(String pack, TileId tile) {
    Key key = new Key(pack, tile);
    Counts c = counts.get(key);
    if (c == null && counts.size() < MAX_COUNTED) {
      c = new Counts();
      counts.put(key, c);
    } else if (c == null && !warnedFull) {
      warnedFull = true;
      LOG.warn(
          "tile request counts are full ({} tiles); further tiles are not counted", MAX_COUNTED);
    }
    if (c != null) {
      c.requests++;
    }
    Deque<TileFault> queue = queued.get(key);
    if (queue != null && !queue.isEmpty()) {
      return queue.poll();
    }
    return standing.get(key);
  }

  synchronized void answeredNotModified(String pack, TileId tile) {
    Counts c = counts.get(new Key(pack, tile));
    if (c != null) {
      c.notModified++;
    }
  }
}
