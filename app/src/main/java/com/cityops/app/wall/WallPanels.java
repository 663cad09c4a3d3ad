package com.cityops.app.wall;

import com.cityops.api.IndicatorDomain;
import com.cityops.app.detail.IncidentDetailView;
import com.cityops.app.indicators.IndicatorPanel;
import com.cityops.app.map.MapView;
import com.cityops.app.queue.IncidentQueue;
import com.cityops.app.shell.ShellViewModel;
import com.cityops.app.shell.Workbench;
import com.cityops.map.basemap.Basemap;
import com.cityops.map.content.MapContent;
import com.cityops.themes.StyleClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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

  private final Workbench workbench;
  private final ShellViewModel model;
  private final Consumer<String> problems;
  private final List<MapView> maps = new ArrayList<>();
  private MapContent content = MapContent.EMPTY;
  private Basemap basemap;
  private final List<Consumer<MapContent>> contentListeners = new ArrayList<>();
  private final javafx.beans.property.IntegerProperty tickerPage =
      new javafx.beans.property.SimpleIntegerProperty();

  public WallPanels(Workbench workbench, ShellViewModel model, Consumer<String> problems) {
    this.workbench = workbench;
    this.model = model;
    this.problems = problems;
  }

  /** The page all the wall's tickers show. */
  javafx.beans.property.IntegerProperty tickerPage() {
    return tickerPage;
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
      case TICKER -> WallWidgets.ticker(model, tickerPage);
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

  /**
   * The case in focus: the workstation's detail view, following the workbench's selection, with the
   * cameras and sensors around the case first.
   */
  private Part focus() {
    IncidentDetailView detail = new IncidentDetailView(workbench).devicesFirst();
    VBox box = new VBox(detail.node());
    VBox.setVgrow(detail.node(), Priority.ALWAYS);
    box.getStyleClass().addAll(StyleClasses.PANEL, "wall-focus");
    box.setId("wall-focus");
    return new Part(box, () -> {});
  }

  // ---- maps ----------------------------------------------------------------------------------

  /**
   * Open cases on a wall's maps are drawn at most twice a second: each image repaints the whole
   * map, on every screen it spans, and with software rendering those repaints were what held the FX
   * thread past 100 ms in the kiosk soak (it waits for the renderer to finish the last frame).
   * Nobody reads a wall at 10 frames a second; the case list and the focus panel are not held.
   */
  static final Duration LIVE_EVERY = Duration.ofMillis(500);

  /** A map view for a part of a map panel: no mouse (nobody touches a wall), current content. */
  MapView newMap() {
    MapView map = new MapView(workbench.fxDoor(), problems, LIVE_EVERY);
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
