package com.cityops.app.wall;

import com.cityops.api.Device;
import com.cityops.api.DeviceType;
import com.cityops.api.Incident;
import com.cityops.api.IndicatorDomain;
import com.cityops.app.detail.IncidentDetailView;
import com.cityops.app.i18n.Messages;
import com.cityops.app.indicators.IndicatorPanel;
import com.cityops.app.map.MapView;
import com.cityops.app.queue.IncidentQueue;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.app.shell.Workbench;
import com.cityops.map.basemap.Basemap;
import com.cityops.map.content.MapContent;
import com.cityops.themes.StyleClasses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Builds the wall's panels from the workstation's own views — {@link IndicatorPanel}, {@link
 * IncidentQueue}, {@link IncidentDetailView}, {@link MapView} — over one {@link Workbench}, so a
 * wall shows exactly what a workstation would. Hands every map the current content and basemap. FX
 * thread only.
 */
public final class WallPanels {
  /** A built panel and how to let it go (threads, timers, listeners). */
  public record Part(Node node, Runnable close) {}

  /** A wall's panels ask no map to fly anywhere: the wall's maps follow the mode and the focus. */
  public static final com.cityops.app.shell.MapFocus NO_MAP_FOCUS =
      new com.cityops.app.shell.MapFocus() {
        @Override
        public void flyTo(double lon, double lat, double zoom) {}

        @Override
        public void frame(org.locationtech.jts.geom.Envelope lonLat, double marginPx) {}
      };

  static final double NEARBY_METRES = 1500;
  private static final int NEARBY_SHOWN = 8;

  private final Workbench workbench;
  private final ShellViewModel model;
  private final Consumer<String> problems;
  private final List<MapView> maps = new ArrayList<>();
  private MapContent content = MapContent.EMPTY;
  private Basemap basemap;
  private final List<Consumer<MapContent>> contentListeners = new ArrayList<>();

  public WallPanels(Workbench workbench, ShellViewModel model, Consumer<String> problems) {
    this.workbench = workbench;
    this.model = model;
    this.problems = problems;
  }

  public Workbench workbench() {
    return workbench;
  }

  public ShellViewModel model() {
    return model;
  }

  /** A panel other than a map. */
  Part create(WallLayout.Panel panel) {
    return switch (panel.kind()) {
      case INDICATORS -> indicators(panel);
      case QUEUE -> queue();
      case FOCUS -> focus();
      case CHART -> chart(panel);
      case CLOCK -> WallWidgets.clock(model);
      case BANNER -> WallWidgets.banner(panel.text());
      case TICKER -> WallWidgets.ticker(model);
      case MAP -> throw new IllegalArgumentException("maps are built by WallMapPanel");
    };
  }

  private Part indicators(WallLayout.Panel panel) {
    Set<IndicatorDomain> domains = EnumSet.noneOf(IndicatorDomain.class);
    panel.domains().forEach(d -> domains.add(IndicatorDomain.valueOf(d)));
    IndicatorPanel indicators =
        new IndicatorPanel(workbench, workbench.dataDir()).showOnly(domains);
    return new Part(indicators.node(), indicators::close);
  }

  private Part queue() {
    IncidentQueue queue = new IncidentQueue(workbench, null);
    return new Part(queue.panel(), queue::close);
  }

  /** One indicator's tiles and history: the vital-signs panel narrowed to it. */
  private Part chart(WallLayout.Panel panel) {
    IndicatorPanel one =
        new IndicatorPanel(workbench, workbench.dataDir())
            .showOnly(EnumSet.noneOf(IndicatorDomain.class));
    one.openDetailWhenKnown(panel.indicator());
    return new Part(one.node(), one::close);
  }

  /** The case in focus, and the cameras and sensors around it. */
  private Part focus() {
    Messages messages = workbench.messages();
    IncidentDetailView detail = new IncidentDetailView(workbench);
    Label nearbyTitle = new Label(messages.get("wall.nearby"));
    nearbyTitle.getStyleClass().add(StyleClasses.PANEL_TITLE);
    VBox nearby = new VBox(4);
    nearby.setId("wall-nearby");
    VBox box = new VBox(8, detail.node(), nearbyTitle, nearby);
    VBox.setVgrow(detail.node(), Priority.ALWAYS);
    box.getStyleClass().addAll(StyleClasses.PANEL, "wall-focus");
    box.setId("wall-focus");
    Runnable list = () -> listNearby(nearby, messages);
    ChangeListener<String> selected = (obs, was, now) -> list.run();
    workbench.selectedIncidentIdProperty().addListener(selected);
    Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(5), e -> list.run()));
    refresh.setCycleCount(Timeline.INDEFINITE);
    refresh.play();
    list.run();
    return new Part(
        box,
        () -> {
          refresh.stop();
          workbench.selectedIncidentIdProperty().removeListener(selected);
        });
  }

  private void listNearby(VBox into, Messages messages) {
    into.getChildren().clear();
    String id = workbench.selectedIncidentIdProperty().get();
    Incident incident = id == null ? null : workbench.state().incident(id);
    if (incident == null || incident.location() == null) {
      Label none = new Label(messages.get("wall.nearby.none"));
      none.getStyleClass().add(StyleClasses.MUTED);
      into.getChildren().add(none);
      return;
    }
    double lon = incident.location().lon();
    double lat = incident.location().lat();
    List<Device> near =
        workbench.state().devices().stream()
            .filter(d -> d.location() != null)
            .filter(d -> metres(lon, lat, d.location().lon(), d.location().lat()) <= NEARBY_METRES)
            .sorted(
                Comparator.comparing((Device d) -> d.type() != DeviceType.CAMERA)
                    .thenComparingDouble(
                        d -> metres(lon, lat, d.location().lon(), d.location().lat())))
            .limit(NEARBY_SHOWN)
            .toList();
    if (near.isEmpty()) {
      Label none = new Label(messages.format("wall.nearby.empty", (int) NEARBY_METRES));
      none.getStyleClass().add(StyleClasses.MUTED);
      into.getChildren().add(none);
    }
    for (Device d : near) {
      long m = Math.round(metres(lon, lat, d.location().lon(), d.location().lat()));
      Label row =
          new Label(
              messages.format(
                  "wall.nearby.row",
                  messages.get("device.type." + d.type().name().toLowerCase()),
                  d.name(),
                  m,
                  messages.get("device.status." + d.status().name().toLowerCase())));
      row.getStyleClass().add("wall-nearby-row");
      if (d.alarm()) {
        StyleClasses.setState(row, StyleClasses.ALARM);
      }
      into.getChildren().add(row);
    }
  }

  /** Great-circle distance in metres (haversine; plenty at city scale). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double r = 6_371_008.8;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // ---- maps ----------------------------------------------------------------------------------

  /** A map view for a part of a map panel: no mouse (nobody touches a wall), current content. */
  MapView newMap() {
    MapView map = new MapView(workbench.fxDoor(), problems);
    map.setMouseTransparent(true);
    map.setFocusTraversable(false);
    map.setZoomRange(0, 20);
    map.contentProperty().set(content);
    map.basemapProperty().set(basemap);
    maps.add(map);
    return map;
  }

  void release(MapView map) {
    maps.remove(map);
    map.close();
  }

  /** Every map view of the wall, e.g. to wait until all are drawn. */
  public List<MapView> maps() {
    return List.copyOf(maps);
  }

  /** New map content (layers, live cases) for every map of the wall. */
  public void showContent(MapContent now) {
    content = now;
    for (MapView map : maps) {
      map.contentProperty().set(now);
      map.liveLayersChanged();
    }
    contentListeners.forEach(l -> l.accept(now));
  }

  public MapContent content() {
    return content;
  }

  void onContent(Consumer<MapContent> listener) {
    contentListeners.add(listener);
  }

  void removeContentListener(Consumer<MapContent> listener) {
    contentListeners.remove(listener);
  }

  public void setBasemap(Basemap now) {
    basemap = now;
    for (MapView map : maps) {
      map.basemapProperty().set(now);
    }
  }

  public Basemap basemap() {
    return basemap;
  }
}
