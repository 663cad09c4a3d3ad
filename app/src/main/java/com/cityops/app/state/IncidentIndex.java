package com.cityops.app.state;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The held incidents with the indexes the views query by — status, level, source, district, street,
 * grid, category, overdue and a lon/lat grid — kept up to date on every upsert, so a query costs in
 * proportion to its answer rather than to everything held. Each case has a slot number; every index
 * is a compressed bitmap of slots (RoaringBitmap), so a broad criterion ("all open cases") is a few
 * word operations, not a copy of 100,000 ids. Text is matched by scanning the lowered search text
 * of the cases left after the other criteria: a few milliseconds for 100,000, and no per-character
 * index to build (a bigram index cost 5 s and 380 MiB per 100,000 cases).
 *
 * <p>Also keeps the open cases in the queue's default order (level, then newest first), so the
 * newest open cases come without a sort.
 *
 * <p>Not thread-safe: {@link CityState} owns it under its lock.
 */
final class IncidentIndex {
  /** Grid cell size in degrees (about 1 km in Shanghai). */
  private static final double CELL = 0.01;

  static final Comparator<Incident> QUEUE_ORDER =
      Comparator.comparing(Incident::level)
          .thenComparing(Incident::reportedAt, Comparator.reverseOrder())
          .thenComparing(Incident::id);

  private final Map<String, Integer> slotById = new HashMap<>();
  private Incident[] bySlot = new Incident[1024];
  private String[] textBySlot = new String[1024];
  private final Deque<Integer> freeSlots = new ArrayDeque<>();
  private int slotsUsed;
  private final RoaringBitmap held = new RoaringBitmap();
  private final RoaringBitmap overdue = new RoaringBitmap();
  private final Bitmaps<IncidentStatus> byStatus =
      new Bitmaps<>(new EnumMap<>(IncidentStatus.class), Incident::status);
  private final Bitmaps<IncidentLevel> byLevel =
      new Bitmaps<>(new EnumMap<>(IncidentLevel.class), Incident::level);
  private final Bitmaps<IncidentSource> bySource =
      new Bitmaps<>(new EnumMap<>(IncidentSource.class), Incident::source);
  private final Bitmaps<String> byDistrict =
      new Bitmaps<>(new HashMap<>(), i -> at(i) == null ? null : at(i).districtCode());
  private final Bitmaps<String> byStreet =
      new Bitmaps<>(new HashMap<>(), i -> at(i) == null ? null : at(i).streetCode());
  private final Bitmaps<String> byGrid =
      new Bitmaps<>(new HashMap<>(), i -> at(i) == null ? null : at(i).gridCode());
  private final Bitmaps<String> byCategory = new Bitmaps<>(new HashMap<>(), Incident::category);
  private final Bitmaps<Long> byCell = new Bitmaps<>(new HashMap<>(), i -> cellOf(lon(i), lat(i)));
  private final List<Bitmaps<?>> indexes =
      List.of(byStatus, byLevel, bySource, byDistrict, byStreet, byGrid, byCategory, byCell);
  private final NavigableSet<Incident> openInQueueOrder = new TreeSet<>(QUEUE_ORDER);
  private final Map<IncidentLevel, Integer> openByLevel = new EnumMap<>(IncidentLevel.class);
  private int openOverdue;

  int size() {
    return slotById.size();
  }

  Incident get(String id) {
    Integer slot = slotById.get(id);
    return slot == null ? null : bySlot[slot];
  }

  void clear() {
    slotById.clear();
    Arrays.fill(bySlot, null);
    Arrays.fill(textBySlot, null);
    freeSlots.clear();
    slotsUsed = 0;
    held.clear();
    overdue.clear();
    for (Bitmaps<?> index : indexes) {
      index.clear();
    }
    openInQueueOrder.clear();
    openByLevel.clear();
    openOverdue = 0;
  }

  /** Adds or replaces the case with the same id. */
  void put(Incident incident) {
    Integer slot = slotById.get(incident.id());
    if (slot != null) {
      unindex(slot, bySlot[slot]);
    } else {
      slot = freeSlots.isEmpty() ? slotsUsed++ : freeSlots.pop();
      slotById.put(incident.id(), slot);
      ensureCapacity(slot);
    }
    bySlot[slot] = incident;
    textBySlot[slot] = searchText(incident);
    index(slot, incident);
  }

  void remove(String id) {
    Integer slot = slotById.remove(id);
    if (slot != null) {
      unindex(slot, bySlot[slot]);
      bySlot[slot] = null;
      textBySlot[slot] = null;
      freeSlots.push(slot);
    }
  }

  /** The cases that match, in no particular order. */
  List<Incident> query(IncidentQuery q) {
    List<RoaringBitmap> criteria = new ArrayList<>();
    addIfAsked(criteria, q.statuses(), byStatus);
    addIfAsked(criteria, q.levels(), byLevel);
    addIfAsked(criteria, q.sources(), bySource);
    addIfAsked(criteria, q.districts(), byDistrict);
    addIfAsked(criteria, q.streets(), byStreet);
    addIfAsked(criteria, q.grids(), byGrid);
    addIfAsked(criteria, q.categories(), byCategory);
    if (q.overdueOnly()) {
      criteria.add(overdue);
    }
    if (q.bbox() != null) {
      criteria.add(inCells(q.bbox()));
    }
    RoaringBitmap candidates = intersection(criteria);
    List<String> words = words(q.text());
    List<Incident> result = new ArrayList<>(candidates.getCardinality());
    candidates.forEach(
        (int slot) -> {
          Incident incident = bySlot[slot];
          // Grid cells over-approximate the box; the exact test settles it.
          if ((q.bbox() == null || q.bbox().contains(lon(incident), lat(incident)))
              && containsAll(textBySlot[slot], words)) {
            result.add(incident);
          }
        });
    return result;
  }

  /** The first {@code limit} open cases in queue order. */
  List<Incident> firstOpen(int limit) {
    List<Incident> first = new ArrayList<>(Math.min(limit, openInQueueOrder.size()));
    for (Incident incident : openInQueueOrder) {
      if (first.size() == limit) {
        break;
      }
      first.add(incident);
    }
    return first;
  }

  Map<IncidentLevel, Integer> openByLevel() {
    return Map.copyOf(openByLevel);
  }

  Map<IncidentStatus, Integer> countByStatus() {
    Map<IncidentStatus, Integer> counts = new EnumMap<>(IncidentStatus.class);
    byStatus.forEach((status, slots) -> counts.put(status, slots.getCardinality()));
    return counts;
  }

  int openOverdue() {
    return openOverdue;
  }

  /** Ids of the cases in {@code status} (a copy). */
  List<String> idsIn(IncidentStatus status) {
    List<String> ids = new ArrayList<>();
    byStatus.get(status).forEach((int slot) -> ids.add(bySlot[slot].id()));
    return ids;
  }

  private void index(int slot, Incident incident) {
    held.add(slot);
    for (Bitmaps<?> index : indexes) {
      index.add(slot, incident);
    }
    if (incident.overdue()) {
      overdue.add(slot);
    }
    if (incident.status().isOpen()) {
      openInQueueOrder.add(incident);
      openByLevel.merge(incident.level(), 1, Integer::sum);
      openOverdue += incident.overdue() ? 1 : 0;
    }
  }

  private void unindex(int slot, Incident incident) {
    held.remove(slot);
    overdue.remove(slot);
    for (Bitmaps<?> index : indexes) {
      index.remove(slot, incident);
    }
    if (incident.status().isOpen()) {
      openInQueueOrder.remove(incident);
      openByLevel.merge(incident.level(), -1, Integer::sum);
      openByLevel.remove(incident.level(), 0);
      openOverdue -= incident.overdue() ? 1 : 0;
    }
  }

  private void ensureCapacity(int slot) {
    if (slot >= bySlot.length) {
      int size = Math.max(slot + 1, bySlot.length * 2);
      bySlot = Arrays.copyOf(bySlot, size);
      textBySlot = Arrays.copyOf(textBySlot, size);
    }
  }

  private static <K> void addIfAsked(List<RoaringBitmap> criteria, Set<K> keys, Bitmaps<K> index) {
    if (!keys.isEmpty()) {
      criteria.add(index.union(keys));
    }
  }

  private RoaringBitmap intersection(List<RoaringBitmap> criteria) {
    if (criteria.isEmpty()) {
      return held;
    }
    criteria.sort(Comparator.comparingInt(RoaringBitmap::getCardinality));
    RoaringBitmap result = criteria.get(0);
    for (int i = 1; i < criteria.size(); i++) {
      result = RoaringBitmap.and(result, criteria.get(i));
    }
    return result;
  }

  private RoaringBitmap inCells(IncidentQuery.Bbox bbox) {
    long west = cell(bbox.west());
    long east = cell(bbox.east());
    long south = cell(bbox.south());
    long north = cell(bbox.north());
    List<Long> cells = new ArrayList<>();
    if ((east - west + 1) * (north - south + 1) > byCell.size()) {
      // A box wider than the occupied cells: walk the occupied cells instead.
      byCell.forEach(
          (key, slots) -> {
            long x = key >> 32;
            long y = (int) (long) key;
            if (x >= west && x <= east && y >= south && y <= north) {
              cells.add(key);
            }
          });
    } else {
      for (long x = west; x <= east; x++) {
        for (long y = south; y <= north; y++) {
          cells.add(key(x, y));
        }
      }
    }
    return byCell.union(cells);
  }

  private static boolean containsAll(String text, List<String> words) {
    for (String word : words) {
      if (!text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  static List<String> words(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  static String searchText(Incident incident) {
    Location at = incident.location();
    return String.join(
            "\n",
            incident.code(),
            incident.title(),
            incident.category(),
            at == null || at.address() == null ? "" : at.address())
        .toLowerCase(Locale.ROOT);
  }

  private static Location at(Incident incident) {
    return incident.location();
  }

  private static double lon(Incident incident) {
    return incident.location() == null ? Double.NaN : incident.location().lon();
  }

  private static double lat(Incident incident) {
    return incident.location() == null ? Double.NaN : incident.location().lat();
  }

  private static long cellOf(double lon, double lat) {
    return Double.isNaN(lon) ? Long.MIN_VALUE : key(cell(lon), cell(lat));
  }

  private static long cell(double degrees) {
    return (long) Math.floor(degrees / CELL);
  }

  private static long key(long x, long y) {
    return (x << 32) | (y & 0xffffffffL);
  }

  /** One index: a bitmap of slots per key, the key taken from the case (null: not indexed). */
  private static final class Bitmaps<K> {
    private final Map<K, RoaringBitmap> byKey;
    private final Function<Incident, K> keyOf;

    Bitmaps(Map<K, RoaringBitmap> byKey, Function<Incident, K> keyOf) {
      this.byKey = byKey;
      this.keyOf = keyOf;
    }

    void add(int slot, Incident incident) {
      K key = keyOf.apply(incident);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new RoaringBitmap()).add(slot);
      }
    }

    /** Takes out {@code slot}, which holds {@code incident} (the version that was indexed). */
    void remove(int slot, Incident incident) {
      K key = keyOf.apply(incident);
      if (key == null) {
        return;
      }
      RoaringBitmap slots = byKey.get(key);
      slots.remove(slot);
      if (slots.isEmpty()) {
        byKey.remove(key);
      }
    }

    RoaringBitmap get(K key) {
      RoaringBitmap slots = byKey.get(key);
      return slots == null ? new RoaringBitmap() : slots;
    }

    /** The slots of any of {@code keys}; may be an index's own bitmap: do not modify. */
    RoaringBitmap union(java.util.Collection<K> keys) {
      if (keys.size() == 1) {
        return get(keys.iterator().next());
      }
      List<RoaringBitmap> parts = new ArrayList<>(keys.size());
      for (K key : keys) {
        RoaringBitmap slots = byKey.get(key);
        if (slots != null) {
          parts.add(slots);
        }
      }
      return RoaringBitmap.or(parts.iterator());
    }

    int size() {
      return byKey.size();
    }

    void forEach(java.util.function.BiConsumer<K, RoaringBitmap> action) {
      byKey.forEach(action);
    }

    void clear() {
      byKey.clear();
    }
  }
}
