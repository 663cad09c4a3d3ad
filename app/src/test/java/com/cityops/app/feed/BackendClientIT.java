package com.cityops.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.GeoJsonFeatureCollection;
import com.cityops.api.IndicatorHistory;
import com.cityops.api.LayerInfo;
import com.cityops.api.Snapshot;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST side of the client against the real backend: health, history, layers, features. */
class BackendClientIT {
  static SimServer sim;
  static BackendClient client;

  @BeforeAll
  static void start() {
    sim = SimServer.start(SimConfig.builder().port(0).seed(3).build());
    client = new BackendClient(sim.baseUrl());
    client.login("operator", "operator");
  }

  @AfterAll
  static void stop() {
    client.close();
    sim.close();
  }

  @Test
  void readsHealthWithoutSigningIn() {
    try (BackendClient anonymous = new BackendClient(sim.baseUrl())) {
      assertThat(anonymous.health().status()).isEqualTo("ok");
      assertThat(anonymous.health().serverTime()).isNotNull();
    }
  }

  @Test
  void readsAnIndicatorsHistory() {
    Snapshot snapshot = client.snapshot();
    String id = snapshot.indicators().get(0).id();
    IndicatorHistory history =
        client.history(id, snapshot.ts().minus(Duration.ofHours(6)), snapshot.ts());
    assertThat(history.id()).isEqualTo(id);
    assertThat(history.samples()).hasSizeGreaterThan(30);
  }

  @Test
  void readsTheLayerCatalogAndALayersFeatures() {
    List<LayerInfo> layers = client.layers().items();
    assertThat(layers).extracting(LayerInfo::id).contains("districts");
    GeoJsonFeatureCollection districts = client.features("districts");
    assertThat(districts.features()).hasSize(16);
  }

  @Test
  void saysWhatWentWrongForAnUnknownIndicator() {
    var now = java.time.Instant.now();
    assertThatThrownBy(() -> client.history("no-such-indicator", now.minusSeconds(60), now))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("404");
  }
}
