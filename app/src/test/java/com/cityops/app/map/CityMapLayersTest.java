package com.cityops.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.state.CityState;
import com.cityops.map.content.FeatureLayer;
import com.cityops.map.style.StyleFile;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers a site adds in its style file are loaded from their files; a broken one is left out. */
class CityMapLayersTest {

  @Test
  void loadsConfiguredFileLayersAndReportsTheOnesThatCannotBeRead(@TempDir Path dir)
      throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/com/cityops/sim/geo/shanghai-districts.geojson")) {
      Files.write(dir.resolve("flood-zones.geojson"), in.readAllBytes());
    }
    Path styleFile = dir.resolve("site.json");
    Files.writeString(
        styleFile,
        """
        {"version": 1, "layers": [
          {"id": "flood", "title": "易涝区", "source": {"type": "geojson", "path": "flood-zones.geojson"},
           "renderer": {"type": "simple", "fill": {"color": "#0ea5e955"}}},
          {"id": "missing", "title": "缺失", "source": {"type": "gpkg", "path": "nope.gpkg", "layer": "t"},
           "renderer": {"type": "simple", "fill": {"color": "#ff000055"}}},
          {"id": "incidents", "title": "在办事件", "source": {"type": "derived", "layer": "incidents"},
           "renderer": {"type": "simple", "marker": {"shape": "circle", "size": 8, "fill": "#3b82f6"}}}
        ]}
        """);
    CityMapLayers layers = new CityMapLayers(new CityState(), StyleFile.read(styleFile));
    List<String> problems = new ArrayList<>();
    layers.loadConfigured(dir, problems::add);

    List<String> ids = layers.content().layers().stream().map(FeatureLayer::id).toList();
    assertThat(ids).containsExactly("flood", "incidents");
    FeatureLayer flood = layers.content().layers().get(0);
    assertThat(flood.source().features(flood.source().bounds())).hasSize(16);
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("'missing' left out")
        .contains("nope.gpkg");
  }

  @Test
  void tellsOfCasesFirstSeenAfterTheInitialLoadOnly(@TempDir Path dir) throws Exception {
    Path styleFile = dir.resolve("site.json");
    Files.writeString(
        styleFile,
        """
        {"version": 1, "layers": [
          {"id": "incidents", "title": "在办事件", "source": {"type": "derived", "layer": "incidents"},
           "renderer": {"type": "simple", "marker": {"shape": "circle", "size": 8, "fill": "#3b82f6"}}}
        ]}
        """);
    CityState state = new CityState();
    CityMapLayers layers = new CityMapLayers(state, StyleFile.read(styleFile));
    List<String> fresh = new ArrayList<>();
    layers.onNewCase(f -> fresh.add(f.id()));
    state.replaceAll(
        com.cityops.app.Fixtures.snapshot(
            1,
            com.cityops.app.Fixtures.incident(
                "old",
                1,
                com.cityops.api.IncidentStatus.DISCOVERED,
                com.cityops.api.IncidentLevel.IV)));
    layers.content();
    assertThat(fresh).isEmpty();

    com.cityops.api.Incident changedOld =
        com.cityops.app.Fixtures.incident(
            "old", 2, com.cityops.api.IncidentStatus.REGISTERED, com.cityops.api.IncidentLevel.IV);
    com.cityops.api.Incident newcomer =
        com.cityops.app.Fixtures.incident(
            "new", 1, com.cityops.api.IncidentStatus.DISCOVERED, com.cityops.api.IncidentLevel.III);
    state.apply(
        new com.cityops.api.StreamEnvelope(
            2,
            com.cityops.app.Fixtures.T0,
            com.cityops.api.StreamEventType.INCIDENT_UPSERT,
            changedOld));
    state.apply(
        new com.cityops.api.StreamEnvelope(
            3,
            com.cityops.app.Fixtures.T0,
            com.cityops.api.StreamEventType.INCIDENT_UPSERT,
            newcomer));
    layers.content();
    assertThat(fresh).containsExactly("new");
  }
}
