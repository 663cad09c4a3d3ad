package com.cityops.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorState;
import com.cityops.api.IndicatorUpdate;
import com.cityops.api.Role;
import com.cityops.api.Snapshot;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import com.cityops.app.UiTestSupport;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.FeedStatus;
import com.cityops.app.fx.FxPlatform;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.shell.MapFocus;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.CityState;
import com.cityops.app.state.SignedInUser;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real panel in a real window (headless Monocle) over a city state loaded from the real
 * reference backend; values, alarms and scope are driven through the state as the feed would, the
 * history chart is loaded from the backend.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IndicatorPanelUiIT {
  private static SimServer server;
  private static BackendClient client;
  private static Snapshot snapshot;

  private final Path dataDir = UiTestSupport.tempDir();
  private CityState state;
  private Workbench workbench;
  private IndicatorPanel panel;
  private long seq;

  @BeforeAll
  static void startBackend() {
    server =
        SimServer.start(
            SimConfig.builder().port(0).start(Instant.parse("2026-11-22T02:00:00Z")).build());
    client = new BackendClient(server.baseUrl());
    client.login("operator", "operator");
    snapshot = client.snapshot();
  }

  @AfterAll
  static void stopBackend() {
    client.close();
    server.close();
  }

  @Start
  void start(Stage stage) {
    state = new CityState();
    state.replaceAll(snapshot);
    seq = snapshot.seq();
    state.setFeedStatus(new FeedStatus(FeedState.LIVE, Instant.now(), server.baseUrl(), null));
    state.heard(Instant.now());
    MapFocus noMap =
        new MapFocus() {
          @Override
          public void flyTo(double lon, double lat, double zoom) {}

          @Override
          public void frame(Envelope lonLat, double marginPx) {}
        };
    workbench =
        new Workbench(
            Messages.forLanguage("zh-CN"),
            state,
            FxPlatform.pulseExecutor(null),
            Clock.systemUTC(),
            noMap,
            () -> null,
            () -> client,
            dataDir);
    workbench.userProperty().set(new SignedInUser("operator", "值班员", Role.OPERATOR));
    panel = new IndicatorPanel(workbench, dataDir);
    Scene scene = new Scene((Parent) panel.node(), 480, 1000);
    Themes.apply(scene, Theme.DARK);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    panel.close();
  }

  @Test
  void showsEveryIndicatorAsATileGroupedByDomainWithKeyIndicatorsOnTop(FxRobot robot) {
    await().atMost(Duration.ofSeconds(10)).until(() -> tiles(robot).size() == indicatorCount());
    TilePane traffic =
        robot
            .lookup("#indicator-section-traffic")
            .lookup(".indicator-tiles")
            .queryAs(TilePane.class);
    assertThat(traffic.getChildren())
        .isNotEmpty()
        .allSatisfy(
            n -> assertThat(((IndicatorTile) n).indicator().domain().name()).isEqualTo("TRAFFIC"));
    TilePane pinned = pinnedTiles(robot);
    assertThat(pinned.getChildren())
        .extracting(n -> ((IndicatorTile) n).indicatorId())
        .startsWith("traffic.city_congestion_index.city");
    assertThat(robot.lookup("#indicator-summary").queryAs(Label.class).getText())
        .startsWith("指标 " + indicatorCount() + " 项");
  }

  @Test
  void aNewValueReachesItsTile(FxRobot robot) {
    Indicator target = someDistrictIndicator();
    await().atMost(Duration.ofSeconds(10)).until(() -> tile(robot, target.id()) != null);
    sample(target, 4321.5, IndicatorState.NORMAL);
    Label value = (Label) node(robot, "value-" + target.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> value.getText().equals("4322"));
  }

  @Test
  void searchDomainAndStateFiltersNarrowTheTiles(FxRobot robot) {
    await().atMost(Duration.ofSeconds(10)).until(() -> tiles(robot).size() == indicatorCount());
    robot.clickOn("#indicator-search").write("拥堵");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !shown(robot).isEmpty() && shown(robot).size() < indicatorCount());
    assertThat(shown(robot)).allSatisfy(t -> assertThat(t.indicator().name()).contains("拥堵"));
    robot.lookup("#indicator-search").queryAs(TextField.class);
    robot.interact(() -> robot.lookup("#indicator-search").queryAs(TextField.class).clear());
    await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot).size() == indicatorCount());

    Indicator target = someDistrictIndicator();
    sample(target, alarmValue(target), IndicatorState.ALARM);
    robot.clickOn("#indicator-trouble-only");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> shown(robot).stream().anyMatch(t -> t.indicatorId().equals(target.id())));
    assertThat(shown(robot))
        .allSatisfy(t -> assertThat(t.indicator().state()).isNotEqualTo(IndicatorState.NORMAL));
    robot.clickOn("#indicator-trouble-only");

    // Drill down to one district: the city-wide tiles and that district's only.
    String district = target.districtCode();
    robot.interact(
        () ->
            workbench.scopeProperty().set(new AreaScope(AreaScope.Level.DISTRICT, district, "区")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                shown(robot).stream()
                    .allMatch(
                        t ->
                            t.indicator().districtCode() == null
                                || t.indicator().districtCode().equals(district)));
    robot.interact(
        () ->
            workbench
                .scopeProperty()
                .set(new AreaScope(AreaScope.Level.STREET, district + "001", "街道")));
    assertThat(shown(robot))
        .anySatisfy(t -> assertThat(t.indicator().districtCode()).isEqualTo(district))
        .allSatisfy(t -> assertThat(t.indicator().districtCode()).isIn(null, district));
  }

  @Test
  void pinningMovesATileToTheTopAndIsRememberedForTheUser(FxRobot robot) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> tiles(robot).size() == indicatorCount());
    // The first tile under the traffic header: on screen without scrolling.
    Indicator target =
        fx(
            () ->
                ((IndicatorTile)
                        robot
                            .lookup("#indicator-section-traffic")
                            .lookup(".indicator-tiles")
                            .queryAs(TilePane.class)
                            .getChildren()
                            .get(0))
                    .indicator());
    assertThat(tile(robot, target.id()).getParent()).isNotSameAs(pinnedTiles(robot));
    robot.clickOn(node(robot, "pin-" + target.id()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> tile(robot, target.id()).getParent() == pinnedTiles(robot));
    Path file = new PinStore(dataDir).fileOf("operator");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.exists(file) && Files.readString(file).contains(target.id()));
    assertThat(new PinStore(dataDir).load("operator").orElseThrow()).endsWith(target.id());

    robot.clickOn(node(robot, "pin-" + target.id()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> tile(robot, target.id()).getParent() != pinnedTiles(robot));
  }

  @Test
  void clickingATileOpensItsHistoryChartFromTheBackend(FxRobot robot) throws Exception {
    String id = "traffic.city_congestion_index.city";
    await().atMost(Duration.ofSeconds(10)).until(() -> tile(robot, id) != null);
    robot.clickOn(tile(robot, id), MouseButton.PRIMARY);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#indicator-detail").query().isVisible());
    await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> panel.chartPoints()) > 0);
    Label status = robot.lookup("#indicator-detail-status").queryAs(Label.class);
    assertThat(status.getText()).startsWith("样本");
    int hour = fx(() -> panel.chartPoints());

    robot.clickOn("#indicator-range-24h");
    await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> panel.chartPoints()) > hour);
    assertThat(fx(() -> panel.chartPoints())).isLessThanOrEqualTo(HistoryRange.MAX_POINTS);

    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "indicator-detail.png"));
    robot.clickOn("#indicator-detail-close");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !robot.lookup("#indicator-detail").query().isVisible());
  }

  @Test
  void anAlarmRaisesTheBannerUntilAcknowledged(FxRobot robot) throws Exception {
    List<Indicator> targets =
        snapshot.indicators().stream()
            .filter(i -> i.state() == IndicatorState.NORMAL && i.districtCode() != null)
            .limit(2)
            .toList();
    await().atMost(Duration.ofSeconds(10)).until(() -> tiles(robot).size() == indicatorCount());
    int before = fx(() -> panel.alarmsWaiting());
    if (before > 0) {
      robot.clickOn("#indicator-alarm-ack-all");
      await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> panel.alarmsWaiting()) == 0);
    }
    Node banner = robot.lookup("#indicator-alarm-banner").query();
    assertThat(banner.isVisible()).isFalse();

    Indicator first = targets.get(0);
    sample(first, alarmValue(first), IndicatorState.ALARM);
    await().atMost(Duration.ofSeconds(5)).until(banner::isVisible);
    Label count = robot.lookup("#indicator-alarm-count").queryAs(Label.class);
    assertThat(count.getText()).contains("1 项");
    assertThat(shape(robot, first.id())).isEqualTo("◆");

    Indicator second = targets.get(1);
    sample(second, alarmValue(second), IndicatorState.ALARM);
    await().atMost(Duration.ofSeconds(5)).until(() -> count.getText().contains("2 项"));

    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "indicator-alarms.png"));
    robot.clickOn(node(robot, "indicator-alarm-ack-" + second.id()));
    await().atMost(Duration.ofSeconds(5)).until(() -> count.getText().contains("1 项"));
    assertThat(shape(robot, second.id())).isEqualTo("◆✓");
    robot.clickOn("#indicator-alarm-ack-all");
    await().atMost(Duration.ofSeconds(5)).until(() -> !banner.isVisible());
    assertThat(shape(robot, first.id())).isEqualTo("◆✓");

    // Easing to a warning keeps the acknowledged mark; back to normal clears it.
    sample(first, first.threshold().warning(), IndicatorState.WARNING);
    await().atMost(Duration.ofSeconds(5)).until(() -> shape(robot, first.id()).equals("▲✓"));
    sample(first, first.value(), IndicatorState.NORMAL);
    await().atMost(Duration.ofSeconds(5)).until(() -> shape(robot, first.id()).isEmpty());
    assertThat(banner.isVisible()).isFalse();
  }

  // ------------------------------------------------------------------ helpers

  private void sample(Indicator indicator, double value, IndicatorState newState) {
    Instant ts =
        state.indicatorReadings().indicators().stream()
            .filter(i -> i.id().equals(indicator.id()))
            .findFirst()
            .orElseThrow()
            .ts()
            .plusSeconds(1);
    state.heard(Instant.now());
    state.apply(
        new StreamEnvelope(
            ++seq,
            ts,
            StreamEventType.INDICATOR_SAMPLE,
            new IndicatorUpdate(indicator.id(), ts, value, newState)));
  }

  private static double alarmValue(Indicator indicator) {
    double alarm = indicator.threshold().alarm();
    return indicator.threshold().direction() == com.cityops.api.ThresholdDirection.ABOVE
        ? alarm + 1
        : alarm - 1;
  }

  private static Indicator someDistrictIndicator() {
    return snapshot.indicators().stream()
        .filter(i -> i.districtCode() != null && i.state() == IndicatorState.NORMAL)
        .filter(i -> !i.name().contains("拥堵"))
        .findFirst()
        .orElseThrow();
  }

  private static int indicatorCount() {
    return snapshot.indicators().size();
  }

  private static Set<IndicatorTile> tiles(FxRobot robot) {
    return robot.lookup(".indicator-tile").queryAllAs(IndicatorTile.class);
  }

  /** Tiles the operator can see: shown and in a shown section (the scroll pane aside). */
  private static List<IndicatorTile> shown(FxRobot robot) {
    return fx(
        () ->
            tiles(robot).stream()
                .filter(t -> t.isVisible() && t.getParent().getParent().isVisible())
                .toList());
  }

  private static IndicatorTile tile(FxRobot robot, String id) {
    return (IndicatorTile) node(robot, "indicator-tile-" + id);
  }

  private static String shape(FxRobot robot, String id) {
    return fx(() -> ((Label) tile(robot, id).lookup(".indicator-tile-shape")).getText());
  }

  private static TilePane pinnedTiles(FxRobot robot) {
    return robot
        .lookup("#indicator-section-pinned")
        .lookup(".indicator-tiles")
        .queryAs(TilePane.class);
  }

  /** By id without a CSS selector: indicator ids hold dots. */
  private static Node node(FxRobot robot, String id) {
    return robot.lookup((Node n) -> id.equals(n.getId())).query();
  }

  private static <T> T fx(java.util.function.Supplier<T> read) {
    try {
      return CompletableFuture.supplyAsync(read, Platform::runLater).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("FX read failed", e);
    }
  }
}
