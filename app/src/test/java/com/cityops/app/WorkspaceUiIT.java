package com.cityops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.app.search.Place;
import com.cityops.app.search.SearchHit;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.state.IncidentQuery;
import com.cityops.map.geo.WebMercator;
import com.cityops.map.view.Viewport;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspace in a real window (headless Monocle) against the real reference backend: one-box
 * search, drill-down, jurisdiction, theme and language switched at runtime.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkspaceUiIT {
  private SimServer server;
  CityOpsApp app;
  private final Path dataDir = UiTestSupport.tempDir();

  @Start
  void start(Stage stage) {
    server =
        SimServer.start(
            SimConfig.builder().port(0).start(Instant.parse("2026-11-22T02:00:00Z")).build());
    app =
        UiTestSupport.open(
                stage,
                "--server",
                server.baseUrl(),
                "--user",
                "operator",
                "--data-dir",
                dataDir.toString(),
                "--basemap",
                "none")
            .app();
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  static <T> T fx(Callable<T> call) throws Exception {
    return WaitForAsyncUtils.asyncFx(call).get();
  }

  /** Live, the districts/streets/grids in the gazetteer and on the map, the user known. */
  void awaitLoaded() {
    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                app.gazetteer().children(AreaScope.CITY).size() >= 16
                    && fx(() -> app.workbench().userProperty().get() != null)
                    && fx(() -> app.map().contentProperty().get().layers().size() > 2));
    await().atMost(Duration.ofSeconds(20)).until(() -> fx(app.map()::isSettled));
  }

  private List<SearchHit> search(FxRobot robot, String text) throws Exception {
    robot.clickOn("#one-box-search");
    robot.interact(() -> robot.lookup("#one-box-search").queryAs(TextField.class).clear());
    robot.write(text);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !fx(() -> app.searchBox().shownHits()).isEmpty());
    return fx(() -> app.searchBox().shownHits());
  }

  private static double[] centreLonLat(Viewport v) {
    var at = WebMercator.inverse(v.centerX(), v.centerY());
    return new double[] {at.lon(), at.lat()};
  }

  @Test
  void pinyinInitialsFindPutuoAndChoosingItFramesTheMapAndSetsTheScope(FxRobot robot)
      throws Exception {
    awaitLoaded();
    Viewport city = fx(() -> app.map().viewportProperty().get());
    List<SearchHit> hits = search(robot, "ptq");
    SearchHit first = hits.get(0);
    assertThat(first.kind()).isEqualTo(SearchHit.Kind.PLACE);
    assertThat(first.title()).isEqualTo("普陀区");

    robot.type(KeyCode.ENTER);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                fx(() -> app.workbench().scopeProperty().get())
                    .equals(new AreaScope(AreaScope.Level.DISTRICT, "310107", "普陀区")));
    Place putuo = app.gazetteer().place("310107").orElseThrow();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              Viewport v = fx(() -> app.map().viewportProperty().get());
              double[] c = centreLonLat(v);
              return v.zoom() > city.zoom() + 1 && putuo.bounds().contains(c[0], c[1]);
            });
    assertThat(fx(() -> app.scopeBar().crumbs())).containsExactly("上海市", "普陀区");
    // Only Putuo's cases stay on the map.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                fx(
                        () ->
                            app.map().contentProperty().get().layers().stream()
                                .filter(l -> l.id().equals("incidents"))
                                .findFirst()
                                .map(l -> l.source().features(l.source().bounds()).size())
                                .orElse(-1))
                    == app.state().query(IncidentQuery.open()).stream()
                        .filter(i -> "310107".equals(i.location().districtCode()))
                        .count());
  }

  @Test
  void aCaseCodeSelectsTheCaseAndFliesTheMapToIt(FxRobot robot) throws Exception {
    awaitLoaded();
    Incident wanted = app.state().query(IncidentQuery.open()).get(0);
    List<SearchHit> hits = search(robot, wanted.code());
    assertThat(hits.get(0).kind()).isEqualTo(SearchHit.Kind.CASE);
    assertThat(hits.get(0).id()).isEqualTo(wanted.id());

    robot.type(KeyCode.ENTER);

    assertThat(fx(() -> app.workbench().selectedIncidentIdProperty().get())).isEqualTo(wanted.id());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              Viewport v = fx(() -> app.map().viewportProperty().get());
              return Math.abs(v.centerX() - WebMercator.x(wanted.location().lon())) < 5
                  && Math.abs(v.centerY() - WebMercator.y(wanted.location().lat())) < 5
                  && Math.abs(v.zoom() - 16) < 0.01;
            });
  }

  @Test
  void theSettingsMenuSwitchesTheThemeAtOnce(FxRobot robot) throws Exception {
    awaitLoaded();
    Region topBar = robot.lookup(".top-bar").queryAs(Region.class);
    assertThat(fx(() -> fill(topBar))).isEqualTo(Color.web("#111b2e"));

    robot.clickOn("#settings-menu");
    robot.clickOn("浅色主题（桌面）");

    await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> fill(topBar)).equals(Color.WHITE));
    assertThat(fx(() -> topBar.getScene().getStylesheets()))
        .anyMatch(s -> s.endsWith("palette-light.css"))
        .noneMatch(s -> s.endsWith("palette-dark.css"));
    // The choice is remembered for this user.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(dataDir.resolve("workspace-operator.json"))
                    && Files.readString(dataDir.resolve("workspace-operator.json"))
                        .contains("\"theme\":\"light\""));

    robot.interact(() -> app.switchThemeForTest(Theme.HIGH_CONTRAST));
    assertThat(fx(() -> fill(topBar))).isEqualTo(Color.BLACK);
  }

  private static Color fill(Region region) {
    return (Color) region.getBackground().getFills().get(0).getFill();
  }

  @Test
  void theLanguageSwitchRelabelsTheWindowInEnglishAndKeepsWhatWasChosen(FxRobot robot)
      throws Exception {
    awaitLoaded();
    AreaScope putuo = app.gazetteer().place("310107").orElseThrow().scope();
    String selected = app.state().query(IncidentQuery.open()).get(0).id();
    robot.interact(
        () -> {
          app.workbench().scopeProperty().set(putuo);
          app.workbench().selectedIncidentIdProperty().set(selected);
        });

    robot.clickOn("#settings-menu");
    robot.clickOn("English");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "Live".equals(robot.lookup("#feed-badge").queryAs(Label.class).getText()));
    assertThat(robot.lookup("#one-box-search").queryAs(TextField.class).getPromptText())
        .startsWith("Search");
    assertThat(robot.lookup("Vital signs").tryQuery()).isPresent();
    assertThat(fx(() -> app.scopeBar().crumbs())).containsExactly("Shanghai", "普陀区");
    assertThat(fx(() -> app.workbench().scopeProperty().get())).isEqualTo(putuo);
    assertThat(fx(() -> app.workbench().selectedIncidentIdProperty().get())).isEqualTo(selected);
    assertThat(fx(() -> app.stage().getTitle())).startsWith("CityOps Console");
  }

  @Test
  void theMapMovesToAWindowOfItsOwnAndBackAndTheLayoutIsRemembered(FxRobot robot) throws Exception {
    awaitLoaded();
    javafx.scene.Node map = robot.lookup("#city-map").query();
    javafx.stage.Window main = fx(() -> map.getScene().getWindow());

    robot.clickOn("#detach-map");

    await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> map.getScene().getWindow()) != main);
    javafx.stage.Stage own = (javafx.stage.Stage) fx(() -> map.getScene().getWindow());
    assertThat(fx(() -> map.getScene().getStylesheets()))
        .isEqualTo(fx(() -> main.getScene().getStylesheets()));
    Path prefs = dataDir.resolve("workspace-operator.json");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Files.exists(prefs) && Files.readString(prefs).contains("\"detached\":[\"map\"]"));

    robot.interact(own::close);
    assertThat(fx(() -> map.getScene().getWindow())).isSameAs(main);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.readString(prefs).contains("\"detached\":[]"));

    javafx.scene.control.SplitPane columns =
        robot.lookup("#shell-columns").queryAs(javafx.scene.control.SplitPane.class);
    robot.interact(() -> columns.setDividerPosition(0, 0.25));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.readString(prefs).contains("\"columns\":[0.25,"));
  }
}
