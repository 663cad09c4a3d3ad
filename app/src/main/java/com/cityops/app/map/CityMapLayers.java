package com.cityops.app.map;

import com.cityops.api.Device;
import com.cityops.api.DeviceType;
import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.Incident;
import com.cityops.api.Json;
import com.cityops.app.state.CityState;
import com.cityops.app.state.IncidentQuery;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.data.Feature;
import com.cityops.map.data.FeatureSource;
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.LiveFeatureSource;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.style.LayerSpec;
import com.cityops.map.style.StyleFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The city one-map's layers: which layers, in which order and how drawn comes from a style file
 * (the theme's {@code one-map-*.json}); this class supplies their data from the city state — the
 * backend's boundary layers (converted off the FX thread when they arrive), field devices
 * (refreshed off the FX thread, only when one changed), open cases (a live source updated in place:
 * new, changed and closed cases only), open cases per grid cell (a choropleth) and their heatmap.
 * The map engine gets plain features; it knows nothing of incidents.
 *
 * <p>{@link #loadBase} and {@link #refreshDevices} run on a background thread, {@link #content} on
 * the FX thread.
 */
public final class CityMapLayers {
  /**
   * Basemap layers (ids of the bundled styles) that these layers show better: district and street
   * names placed around case markers and clusters rather than under them.
   */
  public static final java.util.Set<String> LABELLED_HERE =
      java.util.Set.of("district-label", "street-label");

  private static final GeometryFactory POINTS = new GeometryFactory();

  private final CityState state;
  private StyleFile style;
  private final Map<String, FeatureSource> sources = new ConcurrentHashMap<>();
  private final Map<String, String> attributions = new ConcurrentHashMap<>();
  private final LiveFeatureSource openCases = new LiveFeatureSource("incidents", 2_000);
  private final Map<String, Long> shownVersions = new HashMap<>();
  private final Map<String, String> gridOfCase = new HashMap<>();
  private final Map<String, Integer> casesPerGrid = new HashMap<>();
  private final Map<String, FeatureLayer> built = new HashMap<>();
  private volatile long baseVersion;
  private volatile int devicesDigest;
  private long contentBaseVersion = -1;
  private long incidentsSeen = -1;
  private boolean gridCountsChanged = true;
  private GridCaseCounts gridCases;
  private MapContent content = MapContent.EMPTY;
  private volatile Runnable onLoaded = () -> {};
  private final List<Feature> firstSeen = new ArrayList<>();
  private boolean initialCasesSeen;
  private Set<String> openBefore = Set.of();
  private java.util.function.Consumer<Feature> onNewCase = f -> {};
  private java.util.function.Predicate<com.cityops.api.Location> inScope = where -> true;

  public CityMapLayers(CityState state, StyleFile style) {
    this.state = state;
    this.style = style;
    sources.put("incidents", openCases);
  }

  /** Told (on the loading thread) when a layer was loaded or refreshed; must only schedule work. */
  public void onLoaded(Runnable listener) {
    this.onLoaded = listener;
  }

  /** Converts a boundary layer from the backend (call off the FX thread). */
  public void loadBase(
      String id, String title, GeoJsonFeatureCollection features, String attribution) {
    sources.put(id, GeoJsonDataStore.read(Json.write(features), id, Crs.WGS84));
    if (attribution != null) {
      attributions.put(id, attribution);
    }
    baseVersion++;
    onLoaded.run();
  }

  /**
   * Loads the layers the style file takes from files or services (GeoJSON, GeoPackage, shapefile,
   * OGC API), relative to {@code styleFolder}; a layer that cannot be loaded is reported to {@code
   * problems} and left out, the rest of the map works (call off the FX thread: blocking I/O).
   */
  public void loadConfigured(
      java.nio.file.Path styleFolder, java.util.function.Consumer<String> problems) {
    for (LayerSpec spec : style.layers()) {
      String type = spec.source().type();
      if (type == null || type.equals("backend") || type.equals("derived")) {
        continue;
      }
      try {
        sources.put(
            configuredKey(spec),
            com.cityops.map.data.DataStores.open(
                type,
                spec.source().path(),
                spec.source().crs(),
                spec.source().layer(),
                styleFolder));
        baseVersion++;
        onLoaded.run();
      } catch (RuntimeException e) {
        problems.accept("map layer '" + spec.id() + "' left out: " + e.getMessage());
      }
    }
  }

  private static String configuredKey(LayerSpec spec) {
    return "configured:" + spec.id();
  }

  /** Rebuilds the device layer from the state when a device changed (call off the FX thread). */
  public void refreshDevices() {
    List<Feature> features = new ArrayList<>();
    int digest = 1;
    for (Device d : state.devices()) {
      if (d.type() != DeviceType.WATER_LEVEL && d.type() != DeviceType.CAMERA) {
        continue;
      }
      digest = 31 * digest + Objects.hash(d.id(), d.status(), d.alarm(), d.location());
      features.add(
          new Feature(
              d.id(),
              point(d.location().lon(), d.location().lat()),
              Map.of(
                  "type",
                  d.type().name(),
                  "status",
                  d.status().name(),
                  "alarm",
                  String.valueOf(d.alarm()))));
    }
    if (digest == devicesDigest && sources.containsKey("devices")) {
      return; // nothing moved: the map is not redrawn for nothing
    }
    devicesDigest = digest;
    sources.put("devices", new MemoryFeatureSource("devices", features));
    baseVersion++;
    onLoaded.run();
  }

  /**
   * Draws the same data with another style file (the theme changed); layers are rebuilt at the next
   * {@link #content} (FX thread). Layers the new style takes from files are not loaded by this.
   */
  public void setStyle(StyleFile style) {
    this.style = style;
    built.clear();
    contentBaseVersion = -1;
  }

  /**
   * Shows only the open cases (and their grid counts and heatmap) lying where {@code inScope} says
   * — the drill-down's area; takes effect at the next {@link #content} (FX thread).
   */
  public void setScope(java.util.function.Predicate<com.cityops.api.Location> inScope) {
    this.inScope = inScope;
    incidentsSeen = -1;
  }

  /** The current content; cheap when nothing changed (call on the FX thread, once per pulse). */
  public MapContent content() {
    long changes = state.incidentChanges();
    if (changes != incidentsSeen) {
      incidentsSeen = changes;
      List<Incident> open = state.query(IncidentQuery.open());
      Set<String> arrived = arrivals(open);
      updateOpenCases(open.stream().filter(i -> inScope.test(i.location())).toList(), arrived);
    }
    FeatureSource grids = sources.get("grids");
    boolean rebuild = contentBaseVersion != baseVersion || content == MapContent.EMPTY;
    if (grids != null && (gridCases == null || gridCases.grids() != grids)) {
      gridCases = new GridCaseCounts(grids);
      gridCountsChanged = true;
      rebuild = true;
    }
    if (gridCountsChanged && gridCases != null) {
      gridCountsChanged = false;
      gridCases.setCounts(casesPerGrid); // a new version: the map redraws, nothing is rebuilt here
    }
    if (rebuild) {
      contentBaseVersion = baseVersion;
      List<FeatureLayer> layers = new ArrayList<>();
      for (LayerSpec spec : style.layers()) {
        FeatureSource source = sourceFor(spec);
        if (source != null) {
          layers.add(layerFor(spec, source));
        }
      }
      content = new MapContent(layers);
    }
    return content;
  }

  private FeatureSource sourceFor(LayerSpec spec) {
    String type = spec.source().type();
    String layer = spec.source().layer();
    if ("derived".equals(type) && "grids".equals(layer)) {
      return gridCases;
    }
    if ("backend".equals(type) || "derived".equals(type)) {
      return layer == null ? null : sources.get(layer);
    }
    return sources.get(configuredKey(spec));
  }

  /** The engine layer for a spec, rebuilt only when its source was replaced. */
  private FeatureLayer layerFor(LayerSpec spec, FeatureSource source) {
    FeatureLayer layer = built.get(spec.id());
    if (layer == null || layer.source() != source) {
      layer = spec.toLayer(source);
      String attribution =
          spec.source().layer() == null ? null : attributions.get(spec.source().layer());
      if (spec.attribution() == null && attribution != null) {
        layer = layer.withAttribution(attribution);
      }
      built.put(spec.id(), layer);
    }
    return layer;
  }

  /**
   * The open cases not open at the last look (none on the first): what pulses. Kept apart from what
   * is shown, so widening the area in scope does not make every case in the new area pulse.
   */
  private Set<String> arrivals(List<Incident> open) {
    Set<String> now = new HashSet<>(open.size() * 2);
    Set<String> arrived = new HashSet<>();
    for (Incident i : open) {
      now.add(i.id());
      if (initialCasesSeen && !openBefore.contains(i.id())) {
        arrived.add(i.id());
      }
    }
    openBefore = now;
    initialCasesSeen |= !open.isEmpty();
    return arrived;
  }

  /** Applies what changed among the open cases: new and updated versions in, closed ones out. */
  private void updateOpenCases(List<Incident> open, Set<String> arrived) {
    List<Feature> upserts = new ArrayList<>();
    Set<String> gone = new HashSet<>(shownVersions.keySet());
    for (Incident i : open) {
      gone.remove(i.id());
      Long shown = shownVersions.put(i.id(), i.version());
      if (shown == null || shown != i.version()) {
        Feature feature = caseFeature(i);
        upserts.add(feature);
        if (shown == null && arrived.contains(i.id())) {
          firstSeen.add(feature);
        }
        countIn(i.id(), i.location().gridCode());
      }
    }
    for (String id : gone) {
      shownVersions.remove(id);
      countIn(id, null);
    }
    if (!upserts.isEmpty() || !gone.isEmpty()) {
      openCases.apply(upserts, List.copyOf(gone));
    }
    if (!firstSeen.isEmpty()) {
      List<Feature> fresh = List.copyOf(firstSeen);
      firstSeen.clear();
      fresh.forEach(onNewCase);
    }
  }

  /**
   * Told (on the FX thread, while {@link #content} runs) of each open case that appears after the
   * first cases were loaded — a case new to this seat, worth a short pulse on the map.
   */
  public void onNewCase(java.util.function.Consumer<Feature> listener) {
    this.onNewCase = listener;
  }

  /**
   * A case as the incident layers draw it: its id, its point and what the style and callout read.
   */
  public static Feature caseFeature(Incident i) {
    return new Feature(
        i.id(),
        point(i.location().lon(), i.location().lat()),
        Map.of(
            "level",
            Integer.toString(i.level().code()),
            "title",
            i.title(),
            "code",
            i.code(),
            "category",
            i.category()));
  }

  /** Moves a case's count to {@code grid} (null: it left the open cases). */
  private void countIn(String caseId, String grid) {
    String was = grid == null ? gridOfCase.remove(caseId) : gridOfCase.put(caseId, grid);
    if (Objects.equals(was, grid)) {
      return;
    }
    if (was != null) {
      casesPerGrid.merge(was, -1, (a, b) -> a + b == 0 ? null : a + b);
    }
    if (grid != null) {
      casesPerGrid.merge(grid, 1, Integer::sum);
    }
    gridCountsChanged = true;
  }

  private static org.locationtech.jts.geom.Point point(double lon, double lat) {
    return POINTS.createPoint(new Coordinate(WebMercator.x(lon), WebMercator.y(lat)));
  }
}
