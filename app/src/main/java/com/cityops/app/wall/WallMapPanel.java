package com.cityops.app.wall;

import com.cityops.api.Incident;
import com.cityops.app.map.MapView;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.content.MapContent;
import com.cityops.map.geo.LonLat;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.util.Duration;

/**
 * One map panel of a wall mode, however many screens it spans: it holds the view of the whole
 * panel, and each screen's {@link MapView} shows its part of it ({@link WallGeometry#part}) — one
 * map to the eye, continuous across the bezels. Frames the city when the layout gives no view; with
 * {@code followFocus} it flies to the case in focus. FX thread only.
 */
final class WallMapPanel {
  static final double FOCUS_ZOOM = 15;
  static final Duration FLIGHT = Duration.seconds(1.2);

  private record PartView(MapView view, WallGeometry.Rect rect) {}

  private final WallLayout.Panel panel;
  private final WallPanels panels;
  private final ObjectProperty<Viewport> whole = new SimpleObjectProperty<>();
  private final List<PartView> parts = new ArrayList<>();
  private final Consumer<MapContent> contentArrived = this::contentArrived;
  private final ChangeListener<String> focusChanged;
  private boolean framed;
  private Timeline flight;

  WallMapPanel(WallLayout.Panel panel, WallGeometry.Rect size, WallPanels panels) {
    this.panel = panel;
    this.panels = panels;
    WallLayout.MapPanel map = panel.map();
    if (map.center() != null) {
      whole.set(
          Viewport.centeredOn(
              LonLat.of(map.center().get(0), map.center().get(1)),
              map.zoom(),
              size.width(),
              size.height()));
      framed = true;
    } else {
      whole.set(Viewport.centeredOn(LonLat.of(121.47, 31.23), 10, size.width(), size.height()));
    }
    whole.addListener((obs, was, now) -> parts.forEach(this::showPart));
    panels.onContent(contentArrived);
    contentArrived(panels.content());
    focusChanged = (obs, was, id) -> flyToCase(id);
    if (map.follows()) {
      panels.workbench().selectedIncidentIdProperty().addListener(focusChanged);
      String id = panels.workbench().selectedIncidentIdProperty().get();
      if (id != null) {
        Incident incident = panels.workbench().state().incident(id);
        if (incident != null && incident.location() != null) {
          whole.set(centeredOn(incident.location().lon(), incident.location().lat()));
          framed = true;
        }
      }
    }
  }

  /** A map view for the part {@code rect} (in the panel's pixels) of this panel. */
  MapView part(WallGeometry.Rect rect) {
    MapView view = panels.newMap();
    PartView part = new PartView(view, rect);
    parts.add(part);
    String focus = panels.workbench().selectedIncidentIdProperty().get();
    Incident incident = focus == null ? null : panels.workbench().state().incident(focus);
    if (panel.map().follows() && incident != null && incident.location() != null) {
      whole.set(centeredOn(incident.location().lon(), incident.location().lat())); // parts known
    }
    showPart(part);
    return view;
  }

  ObjectProperty<Viewport> viewportProperty() {
    return whole;
  }

  WallLayout.Panel panel() {
    return panel;
  }

  /** The whole panel's view as the scene carries it: its centre and zoom. */
  com.cityops.api.WallPanelView view(String key) {
    Viewport v = whole.get();
    LonLat centre = v.lonLatAt(v.width() / 2, v.height() / 2);
    return new com.cityops.api.WallPanelView(key, centre.lon(), centre.lat(), v.zoom());
  }

  /** Shows the controller's view at once (a flight of our own would fight it). */
  void show(double lon, double lat, double zoom) {
    if (flight != null) {
      flight.stop();
    }
    framed = true;
    Viewport v = whole.get();
    whole.set(Viewport.centeredOn(LonLat.of(lon, lat), zoom, v.width(), v.height()));
  }

  private void showPart(PartView part) {
    part.view().viewportProperty().set(WallGeometry.part(whole.get(), part.rect()));
  }

  private void contentArrived(MapContent content) {
    if (framed) {
      return;
    }
    for (FeatureLayer layer : content.layers()) {
      if (layer.id().equals("districts") && layer.source().bounds() != null) {
        framed = true;
        whole.set(whole.get().fit(layer.source().bounds(), 24));
        return;
      }
    }
  }

  /**
   * The case in the middle of the largest part, not of the whole panel: across two screens the
   * whole panel's middle is the bezel.
   */
  private Viewport centeredOn(double lon, double lat) {
    Viewport now = whole.get();
    Viewport there =
        Viewport.centeredOn(LonLat.of(lon, lat), FOCUS_ZOOM, now.width(), now.height());
    PartView largest =
        parts.stream()
            .max(java.util.Comparator.comparingDouble(p -> p.rect().width() * p.rect().height()))
            .orElse(null);
    if (largest == null) {
      return there;
    }
    double dx = largest.rect().x() + largest.rect().width() / 2 - now.width() / 2;
    double dy = largest.rect().y() + largest.rect().height() / 2 - now.height() / 2;
    return there.panBy(dx, dy);
  }

  private void flyToCase(String id) {
    Incident incident = id == null ? null : panels.workbench().state().incident(id);
    if (incident == null || incident.location() == null) {
      return;
    }
    framed = true;
    Viewport target = centeredOn(incident.location().lon(), incident.location().lat());
    if (shown()) {
      flyTo(target);
    } else {
      whole.set(target); // a mode about to be shown: be there when it is, draw once
    }
  }

  private boolean shown() {
    return parts.stream().anyMatch(p -> p.view().getScene() != null);
  }

  /** Moves the whole panel's view there over {@link #FLIGHT}: every part moves as one. */
  void flyTo(Viewport target) {
    if (flight != null) {
      flight.stop();
    }
    Viewport from = whole.get();
    DoubleProperty t = new SimpleDoubleProperty();
    t.addListener((obs, was, now) -> whole.set(from.interpolate(target, now.doubleValue())));
    flight = new Timeline(new KeyFrame(FLIGHT, new KeyValue(t, 1.0, Interpolator.EASE_BOTH)));
    flight.play();
  }

  void close() {
    if (flight != null) {
      flight.stop();
    }
    panels.removeContentListener(contentArrived);
    panels.workbench().selectedIncidentIdProperty().removeListener(focusChanged);
    parts.forEach(p -> panels.release(p.view()));
    parts.clear();
  }
}
