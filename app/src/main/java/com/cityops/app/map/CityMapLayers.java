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
import com.cityops.map.data.GeoJsonDataStore;
import com.cityops.map.data.LiveFeatureSource;
import com.cityops.map.data.MemoryFeatureSource;
import com.cityops.map.geo.Crs;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.style.Filter;
import com.cityops.map.style.Rgba;
import com.cityops.map.style.Rule;
import com.cityops.map.style.Style;
import com.cityops.map.style.Symbolizer;
import com.cityops.map.style.Symbolizer.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The city one-map's layers, fed from the city state: the backend's boundary layers (districts,
 * streets, grids; converted off the FX thread when they arrive), field devices (refreshed every few
 * seconds off the FX thread; clustered at city zoom) and open cases (rebuilt on the FX thread only
 * when a case changed; never clustered, so every grade Ⅰ/Ⅱ case stays visible at city zoom). The
 * map engine gets plain features; it knows nothing of incidents.
 */
public final class CityMapLayers {
  private static final GeometryFactory POINTS = new GeometryFactory();
  private static final List<String> BASE_ORDER = List.of("districts", "streets", "grids");
  private static final Rgba HALO = Rgba.hex("#0b1622");

  /** Sensors and cameras are counted clusters at city zoom and single symbols at street zoom. */
  static final double DEVICE_CLUSTER_ZOOM = 13.5;

  private final CityState state;
  private final Map<String, FeatureLayer> base = new ConcurrentHashMap<>();
  private volatile FeatureLayer devices;

  /** Open cases: a live source updated in place, so a new case redraws only the live surface. */
  private final LiveFeatureSource openCases = new LiveFeatureSource("incidents", 2_000);

  private final FeatureLayer incidents =
      FeatureLayer.of("incidents", "在办事件", openCases, INCIDENT_STYLE);
  private final Map<String, Long> shownVersions = new java.util.HashMap<>();
  private long incidentsSeen = -1;
  private MapContent content = MapContent.EMPTY;
  private volatile long baseVersion;
  private long contentBaseVersion = -1;

  private volatile Runnable onLoaded = () -> {};

  public CityMapLayers(CityState state) {
    this.state = state;
  }

  /** Told (on the loading thread) when a layer was loaded or refreshed; must only schedule work. */
  public void onLoaded(Runnable listener) {
    this.onLoaded = listener;
  }

  /** Converts a boundary layer from the backend (call off the FX thread). */
  public void loadBase(
      String id, String title, GeoJsonFeatureCollection features, String attribution) {
    MemoryFeatureSource source = GeoJsonDataStore.read(Json.write(features), id, Crs.WGS84);
    base.put(id, FeatureLayer.of(id, title, source, baseStyle(id)).withAttribution(attribution));
    baseVersion++;
    onLoaded.run();
  }

  /** Rebuilds the device layer from the state (call off the FX thread). */
  public void refreshDevices() {
    List<Feature> features = new ArrayList<>();
    for (Device d : state.devices()) {
      if (d.type() != DeviceType.WATER_LEVEL && d.type() != DeviceType.CAMERA) {
        continue;
      }
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
    devices =
        FeatureLayer.of(
                "devices", "感知设备", new MemoryFeatureSource("devices", features), DEVICE_STYLE)
            .clusteredBelow(DEVICE_CLUSTER_ZOOM);
    baseVersion++;
    onLoaded.run();
  }

  /** The current content; cheap when nothing changed (call on the FX thread, once per pulse). */
  public MapContent content() {
    long changes = state.incidentChanges();
    boolean rebuild = contentBaseVersion != baseVersion || content == MapContent.EMPTY;
    if (changes != incidentsSeen) {
      incidentsSeen = changes;
      updateOpenCases(state.query(IncidentQuery.open()));
    }
    if (rebuild) {
      contentBaseVersion = baseVersion;
      List<FeatureLayer> layers = new ArrayList<>();
      for (String id : BASE_ORDER) {
        FeatureLayer layer = base.get(id);
        if (layer != null) {
          layers.add(layer);
        }
      }
      if (devices != null) {
        layers.add(devices);
      }
      layers.add(incidents);
      content = new MapContent(layers);
    }
    return content;
  }

  /** Applies what changed among the open cases: new and updated versions in, closed ones out. */
  private void updateOpenCases(List<Incident> open) {
    List<Feature> upserts = new ArrayList<>();
    java.util.Set<String> gone = new java.util.HashSet<>(shownVersions.keySet());
    for (Incident i : open) {
      gone.remove(i.id());
      Long shown = shownVersions.put(i.id(), i.version());
      if (shown == null || shown != i.version()) {
        upserts.add(
            new Feature(
                i.id(),
                point(i.location().lon(), i.location().lat()),
                Map.of(
                    "level",
                    Integer.toString(i.level().code()),
                    "title",
                    i.title(),
                    "code",
                    i.code())));
      }
    }
    shownVersions.keySet().removeAll(gone);
    if (!upserts.isEmpty() || !gone.isEmpty()) {
      openCases.apply(upserts, List.copyOf(gone));
    }
  }

  private static org.locationtech.jts.geom.Point point(double lon, double lat) {
    return POINTS.createPoint(new Coordinate(WebMercator.x(lon), WebMercator.y(lat)));
  }

  private static Style baseStyle(String id) {
    return switch (id) {
      case "districts" ->
          Style.of(
              Rule.of(
                  "区",
                  new Symbolizer.Fill(Rgba.hex("#12263b")),
                  new Symbolizer.Stroke(Rgba.hex("#3b82c4"), 1.6)),
              Rule.of("区名", new Symbolizer.Label("name", 16, Rgba.hex("#e8f1fb"), HALO, 1))
                  .between(8, 12.5));
      case "streets" ->
          Style.of(
              Rule.of("街镇", new Symbolizer.Stroke(Rgba.hex("#2c5276"), 1)).between(10.5, 99),
              Rule.of("街镇名", new Symbolizer.Label("name", 12, Rgba.hex("#9fb8d3"), HALO, 2))
                  .between(12, 99));
      default ->
          Style.of(Rule.of("网格", new Symbolizer.Stroke(Rgba.hex("#1f3a57"), 0.6)).between(13, 99));
    };
  }

  static final Style DEVICE_STYLE =
      Style.of(
          Rule.of("水位监测", new Symbolizer.Marker(Shape.CIRCLE, 5, Rgba.hex("#22d3ee"), null))
              .where(Filter.in("type", "WATER_LEVEL")),
          Rule.of("视频监控", new Symbolizer.Marker(Shape.SQUARE, 5, Rgba.hex("#a78bfa"), null))
              .where(Filter.in("type", "CAMERA")));

  /** Grade by colour and shape (not colour alone): Ⅰ diamond, Ⅱ triangle, Ⅲ square, Ⅳ circle. */
  static final Style INCIDENT_STYLE =
      Style.of(
          level("4", Shape.CIRCLE, 8, "#3b82f6"),
          level("3", Shape.SQUARE, 10, "#eab308"),
          level("2", Shape.TRIANGLE, 13, "#f97316"),
          level("1", Shape.DIAMOND, 16, "#ef4444"),
          Rule.of("事件名", new Symbolizer.Label("title", 12, Rgba.hex("#fde68a"), HALO, 0))
              .between(14.5, 99));

  private static Rule level(String code, Shape shape, double size, String colour) {
    return Rule.of(
            "事件 " + code, new Symbolizer.Marker(shape, size, Rgba.hex(colour), Rgba.hex("#0b1622")))
        .where(Filter.in("level", code));
  }
}
