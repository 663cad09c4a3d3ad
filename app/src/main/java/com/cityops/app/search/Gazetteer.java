package com.cityops.app.search;

import com.cityops.api.GeoJsonFeature;
import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.app.shell.AreaScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The city's named areas — districts, streets/towns, grid cells — built from the same boundary
 * features the map draws ({@code districts}, {@code streets}, {@code grids}: properties {@code
 * code}, {@code name}, {@code districtCode}, {@code streetCode}). Answers name/pinyin searches and
 * the drill-down's "what lies under this area".
 *
 * <p>Thread-safe: {@link #add} (off the FX thread, when a layer arrives) publishes a new immutable
 * index; readers see the old or the new one whole.
 */
public final class Gazetteer {
  private final PinyinMatcher pinyin;
  private volatile Index index = new Index(Map.of());
  private final Object writeLock = new Object();

  public Gazetteer(PinyinMatcher pinyin) {
    this.pinyin = pinyin;
  }

  /**
   * Adds (or replaces) a boundary layer; layers other than the three administrative ones are
   * ignored. A feature without code or readable geometry is skipped, the rest is kept.
   *
   * @return how many places the layer gave
   */
  public int add(String layerId, GeoJsonFeatureCollection features) {
    AreaScope.Level level =
        switch (layerId) {
          case "districts" -> AreaScope.Level.DISTRICT;
          case "streets" -> AreaScope.Level.STREET;
          case "grids" -> AreaScope.Level.GRID;
          default -> null;
        };
    if (level == null) {
      return 0;
    }
    List<Place> places = new ArrayList<>();
    GeoJsonReader reader = new GeoJsonReader();
    for (GeoJsonFeature f : features.features()) {
      Place place = placeOf(level, f, reader);
      if (place != null) {
        places.add(place);
      }
    }
    synchronized (writeLock) {
      Map<String, Place> byCode = new HashMap<>(index.byCode());
      byCode.values().removeIf(p -> p.level() == level);
      places.forEach(p -> byCode.put(p.code(), p));
      index = new Index(Map.copyOf(byCode));
    }
    return places.size();
  }

  private Place placeOf(AreaScope.Level level, GeoJsonFeature f, GeoJsonReader reader) {
    Map<String, Object> props = f.properties() == null ? Map.of() : f.properties();
    String code = text(props.get("code"), f.id());
    String name = text(props.get("name"), code);
    if (code == null || f.geometry() == null) {
      return null;
    }
    Geometry geometry;
    try {
      geometry = reader.read(f.geometry().toString());
    } catch (ParseException | RuntimeException e) {
      return null; // the map reports unreadable geometry; the gazetteer just has no entry for it
    }
    if (geometry.isEmpty()) {
      return null;
    }
    Point inside = geometry.getInteriorPoint();
    String parent =
        switch (level) {
          case DISTRICT, CITY -> null;
          case STREET -> text(props.get("districtCode"), null);
          case GRID -> text(props.get("streetCode"), null);
        };
    return new Place(
        level,
        code,
        name,
        parent,
        inside.getX(),
        inside.getY(),
        geometry.getEnvelopeInternal(),
        pinyin.keyOf(name));
  }

  private static String text(Object value, String otherwise) {
    return value == null || value.toString().isBlank() ? otherwise : value.toString();
  }

  public Optional<Place> place(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(index.byCode().get(code));
  }

  /** The districts, the streets of a district or the grids of a street, by name. */
  public List<Place> children(AreaScope scope) {
    AreaScope.Level below =
        switch (scope.level()) {
          case CITY -> AreaScope.Level.DISTRICT;
          case DISTRICT -> AreaScope.Level.STREET;
          case STREET -> AreaScope.Level.GRID;
          case GRID -> null;
        };
    if (below == null) {
      return List.of();
    }
    return index.byCode().values().stream()
        .filter(p -> p.level() == below)
        .filter(p -> scope.level() == AreaScope.Level.CITY || scope.code().equals(p.parentCode()))
        .sorted(Comparator.comparing(Place::code))
        .toList();
  }

  /** The chain from the district down to {@code scope} (empty for the city). */
  public List<Place> path(AreaScope scope) {
    List<Place> path = new ArrayList<>();
    Place at = place(scope.code()).orElse(null);
    while (at != null) {
      path.add(0, at);
      at = place(at.parentCode()).orElse(null);
    }
    return path;
  }

  /** Whether {@code inner} lies in {@code outer} (an area lies in itself; all lie in the city). */
  public boolean within(AreaScope inner, AreaScope outer) {
    if (outer.level() == AreaScope.Level.CITY) {
      return true;
    }
    return path(inner).stream().anyMatch(p -> p.code().equals(outer.code()));
  }

  /**
   * Places whose name, full pinyin or pinyin initials match {@code query}, best first (better
   * match, then bigger area, then code), at most {@code limit}.
   */
  public List<Place> search(String query, int limit) {
    String q = SearchKey.normalise(query);
    if (q.isEmpty()) {
      return List.of();
    }
    record Scored(Place place, int score) {}
    return index.byCode().values().stream()
        .map(p -> new Scored(p, p.key().score(q)))
        .filter(s -> s.score() > 0 || s.place().code().equalsIgnoreCase(q))
        .sorted(
            Comparator.comparingInt((Scored s) -> -s.score())
                .thenComparing(s -> s.place().level())
                .thenComparing(s -> s.place().code()))
        .limit(limit)
        .map(Scored::place)
        .toList();
  }

  /** The extent of all districts (WGS84), or null before they arrived. */
  public Envelope cityBounds() {
    Envelope all = new Envelope();
    index.byCode().values().stream()
        .filter(p -> p.level() == AreaScope.Level.DISTRICT)
        .forEach(p -> all.expandToInclude(p.bounds()));
    return all.isNull() ? null : all;
  }

  public int size() {
    return index.byCode().size();
  }

  private record Index(Map<String, Place> byCode) {}
}
