package com.cityops.app.state;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The held incidents with the indexes the views query by — status, level, district, a lon/lat grid
 * and character bigrams of the searchable text — kept up to date on every upsert, so a query costs
 * in proportion to its answer rather than to everything held. Also keeps the open cases in the
 * queue's default order (level, then newest first), so the newest open cases come without a sort.
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

  private final Map<String, Incident> byId = new HashMap<>();
  private final Map<IncidentStatus, Set<String>> byStatus = new EnumMap<>(IncidentStatus.class);
  private final Map<IncidentLevel, Set<String>> byLevel = new EnumMap<>(IncidentLevel.class);
  private final Map<String, Set<String>> byDistrict = new HashMap<>();
  private final Map<Long, Set<String>> byCell = new HashMap<>();
  private final Map<String, Set<String>> byGram = new HashMap<>();
  private final NavigableSet<Incident> openInQueueOrder = new TreeSet<>(QUEUE_ORDER);
  private final Map<IncidentLevel, Integer> openByLevel = new EnumMap<>(IncidentLevel.class);
  private int openOverdue;

  int size() {
    return byId.size();
  }

  Incident get(String id) {
    return byId.get(id);
  }

  Iterable<Incident> all() {
    return byId.values();
  }

  void clear() {
    byId.clear();
    byStatus.clear();
    byLevel.clear();
    byDistrict.clear();
    byCell.clear();
    byGram.clear();
    openInQueueOrder.clear();
    openByLevel.clear();
    openOverdue = 0;
  }

  /** Adds or replaces the case with the same id. */
  void put(Incident incident) {
    Incident old = byId.put(incident.id(), incident);
    if (old != null) {
      unindex(old);
    }
    index(incident);
  }

  void remove(String id) {
    Incident old = byId.remove(id);
    if (old != null) {
      unindex(old);
    }
  }

  List<Incident> query(IncidentQuery q) {
    List<Set<String>> candidates = new ArrayList<>();
    if (!q.statuses().isEmpty()) {
      candidates.add(union(q.statuses(), byStatus::get));
    }
    if (!q.levels().isEmpty()) {
      candidates.add(union(q.levels(), byLevel::get));
    }
    if (!q.districts().isEmpty()) {
      candidates.add(union(q.districts(), byDistrict::get));
    }
    if (q.bbox() != null) {
      candidates.add(inBbox(q.bbox()));
    }
    List<String> words = words(q.text());
    for (String word : words) {
      candidates.add(withText(word));
    }
    List<Incident> result = new ArrayList<>();
    if (candidates.isEmpty()) {
      result.addAll(byId.values());
      return result;
    }
    candidates.sort(Comparator.comparingInt(Set::size));
    Set<String> smallest = candidates.get(0);
    for (String id : smallest) {
      if (inAll(id, candidates)) {
        Incident incident = byId.get(id);
        // Bigrams and grid cells over-approximate; the exact test settles it.
        if ((q.bbox() == null || q.bbox().contains(lon(incident), lat(incident)))
            && containsAll(searchText(incident), words)) {
          result.add(incident);
        }
      }
    }
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
    byStatus.forEach((status, ids) -> counts.put(status, ids.size()));
    return counts;
  }

  int openOverdue() {
    return openOverdue;
  }

  /** Ids of the cases in {@code status} (a live view; do not modify). */
  Set<String> idsIn(IncidentStatus status) {
    return byStatus.getOrDefault(status, Set.of());
  }

  private void index(Incident incident) {
    String id = incident.id();
    byStatus.computeIfAbsent(incident.status(), k -> new HashSet<>()).add(id);
    byLevel.computeIfAbsent(incident.level(), k -> new HashSet<>()).add(id);
    byDistrict.computeIfAbsent(district(incident), k -> new HashSet<>()).add(id);
    byCell.computeIfAbsent(cellOf(lon(incident), lat(incident)), k -> new HashSet<>()).add(id);
    for (String gram : grams(searchText(incident))) {
      byGram.computeIfAbsent(gram, k -> new HashSet<>()).add(id);
    }
    if (incident.status().isOpen()) {
      openInQueueOrder.add(incident);
      openByLevel.merge(incident.level(), 1, Integer::sum);
      openOverdue += incident.overdue() ? 1 : 0;
    }
  }

  private void unindex(Incident incident) {
    String id = incident.id();
    removeFrom(byStatus, incident.status(), id);
    removeFrom(byLevel, incident.level(), id);
    removeFrom(byDistrict, district(incident), id);
    removeFrom(byCell, cellOf(lon(incident), lat(incident)), id);
    for (String gram : grams(searchText(incident))) {
      removeFrom(byGram, gram, id);
    }
    if (incident.status().isOpen()) {
      openInQueueOrder.remove(incident);
      openByLevel.merge(incident.level(), -1, Integer::sum);
      openByLevel.remove(incident.level(), 0);
      openOverdue -= incident.overdue() ? 1 : 0;
    }
  }

  private static <K> void removeFrom(Map<K, Set<String>> index, K key, String id) {
    Set<String> ids = index.get(key);
    if (ids != null) {
      ids.remove(id);
      if (ids.isEmpty()) {
        index.remove(key);
      }
    }
  }

  private static <K> Set<String> union(Set<K> keys, Function<K, Set<String>> lookup) {
    if (keys.size() == 1) {
      Set<String> only = lookup.apply(keys.iterator().next());
      return only == null ? Set.of() : only;
    }
    Set<String> union = new HashSet<>();
    for (K key : keys) {
      Set<String> ids = lookup.apply(key);
      if (ids != null) {
        union.addAll(ids);
      }
    }
    return union;
  }

  private Set<String> inBbox(IncidentQuery.Bbox bbox) {
    long west = cell(bbox.west());
    long east = cell(bbox.east());
    long south = cell(bbox.south());
    long north = cell(bbox.north());
    if ((east - west + 1) * (north - south + 1) > byCell.size()) {
      // A box wider than the occupied cells: walk the occupied cells instead.
      Set<String> ids = new HashSet<>();
      byCell.forEach(
          (key, cellIds) -> {
            long x = key >> 32;
            long y = (int) (long) key;
            if (x >= west && x <= east && y >= south && y <= north) {
              ids.addAll(cellIds);
            }
          });
      return ids;
    }
    Set<String> ids = new HashSet<>();
    for (long x = west; x <= east; x++) {
      for (long y = south; y <= north; y++) {
        Set<String> cellIds = byCell.get(key(x, y));
        if (cellIds != null) {
          ids.addAll(cellIds);
        }
      }
    }
    return ids;
  }

  private Set<String> withText(String word) {
    Set<String> ids = null;
    for (String gram : grams(word)) {
      Set<String> gramIds = byGram.getOrDefault(gram, Set.of());
      if (ids == null || gramIds.size() < ids.size()) {
        ids = gramIds;
      }
    }
    return ids == null ? Set.of() : ids;
  }

  private static boolean inAll(String id, List<Set<String>> sets) {
    for (int i = 1; i < sets.size(); i++) {
      if (!sets.get(i).contains(id)) {
        return false;
      }
    }
    return true;
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

  /** Single characters for one-character words, else overlapping character pairs. */
  private static Set<String> grams(String text) {
    Set<String> grams = new HashSet<>();
    int[] cps = text.codePoints().toArray();
    if (cps.length == 1) {
      grams.add(new String(cps, 0, 1));
    }
    for (int i = 0; i < cps.length; i++) {
      grams.add(new String(cps, i, 1));
      if (i + 1 < cps.length) {
        grams.add(new String(cps, i, 2));
      }
    }
    return grams;
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

  private static String district(Incident incident) {
    Location at = incident.location();
    return at == null || at.districtCode() == null ? "" : at.districtCode();
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
}
