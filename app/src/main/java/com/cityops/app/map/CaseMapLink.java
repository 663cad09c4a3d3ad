package com.cityops.app.map;

import com.cityops.api.Incident;
import com.cityops.app.shell.Workbench;
import com.cityops.map.data.Feature;
import org.locationtech.jts.geom.Point;

/**
 * Ties the map to the case being worked: clicking a case marker selects the case ({@link
 * Workbench#selectedIncidentIdProperty()}); selecting a case anywhere else flies the map to it and
 * highlights it (the map's selection ring and callout); a case that appears after the first load
 * pulses once where it is.
 *
 * <p>FX thread only.
 */
public final class CaseMapLink {
  /** The layer the selection of a case is drawn for (the style's case marker layer). */
  static final String CASE_LAYER = "incidents";

  /** How close the map comes to a case selected elsewhere (a few streets around it). */
  static final double CASE_ZOOM = 16;

  private CaseMapLink() {}

  public static void connect(Workbench workbench, MapInteraction map, CityMapLayers layers) {
    map.selectedProperty()
        .addListener(
            (obs, was, now) -> {
              if (isCase(now)) {
                workbench.selectedIncidentIdProperty().set(now.feature().id());
              }
            });
    workbench
        .selectedIncidentIdProperty()
        .addListener((obs, was, id) -> showOnMap(workbench, map, id));
    layers.onNewCase(
        feature -> {
          if (feature.geometry() instanceof Point p) {
            map.pulse(p.getX(), p.getY());
          }
        });
  }

  private static void showOnMap(Workbench workbench, MapInteraction map, String id) {
    MapSelection onMap = map.selectedProperty().get();
    if (id == null) {
      if (isCase(onMap)) {
        map.selectedProperty().set(null);
      }
      return;
    }
    if (isCase(onMap) && onMap.feature().id().equals(id)) {
      return; // picked on the map: it is in view already, the map stays where the operator put it
    }
    Incident incident = workbench.state().incident(id);
    if (incident == null) {
      return;
    }
    Feature feature = CityMapLayers.caseFeature(incident);
    map.selectedProperty().set(new MapSelection(CASE_LAYER, feature));
    workbench.map().flyTo(incident.location().lon(), incident.location().lat(), CASE_ZOOM);
  }

  private static boolean isCase(MapSelection selection) {
    return selection != null && selection.layerId().startsWith("incident");
  }
}
