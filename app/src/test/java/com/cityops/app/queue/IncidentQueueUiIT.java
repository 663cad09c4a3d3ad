package com.cityops.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.app.UiTestSupport;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.feed.FeedState;
import com.cityops.app.feed.LiveFeed;
import com.cityops.app.fx.FxPlatform;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.MapFocus;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.CityState;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The queue panel in a real window (headless Monocle), fed by the real feed from the reference
 * backend on an ephemeral port; driven through its controls as an operator would.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IncidentQueueUiIT {
  private static final MapFocus NO_MAP =
      new MapFocus() {
        @Override
        public void flyTo(double lon, double lat, double zoom) {}

        @Override
        public void frame(Envelope lonLat, double marginPx) {}
      };

  private final List<Tone> played = new ArrayList<>();
  private final Path dataDir = UiTestSupport.tempDir();
  private final CaseClocks clocks = CaseClocks.defaults();
  private SimServer server;
  private LiveFeed feed;
  private CityState state;
  private Workbench workbench;
  private IncidentQueue queue;
  private TableView<Incident> table;

  @Start
  @SuppressWarnings("unchecked")
  void start(Stage stage) {
    server =
        SimServer.start(
            SimConfig.builder()
                .port(0)
                .seed(7)
                .incidentsPerHour(1_200)
                .start(Instant.parse("2026-11-22T02:00:00Z"))
                .build());
    state = new CityState();
    workbench =
        new Workbench(
            Messages.forLanguage("zh-CN"),
            state,
            FxPlatform.pulseExecutor(null),
            Clock.systemUTC(),
            NO_MAP,
            () -> null,
            () -> null);
    queue = new IncidentQueue(workbench, dataDir, clocks, played::add);
    BorderPane root = new BorderPane(queue.panel());
    root.setTop(queue.banner());
    Scene scene = new Scene(root, 1100, 800);
    Themes.apply(scene, Theme.parse("dark"));
    stage.setScene(scene);
    stage.show();
    table = (TableView<Incident>) scene.lookup("#incident-queue");
    feed =
        new LiveFeed(
            new BackendClient(server.baseUrl()),
            state,
            "operator",
            "operator",
            Clock.systemUTC(),
            Duration.ofSeconds(5),
            new Random(1));
    feed.start();
  }

  @AfterEach
  void stop() throws Exception {
    onFxRun(() -> queue.close());
    feed.close();
    server.close();
  }

  private void awaitFilled() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> state.feedStatus().state() == FeedState.LIVE && rows().size() > 20);
  }

  private List<Incident> rows() {
    return onFx(() -> List.copyOf(table.getItems()));
  }

  private Instant now() {
    return onFx(() -> queue.model().nowProperty().get());
  }

  @Test
  void fillsSortedByGradeThenTheNearestDeadline(FxRobot robot) throws Exception {
    awaitFilled();
    List<Incident> rows = rows();
    for (int i = 1; i < rows.size(); i++) {
      Incident a = rows.get(i - 1);
      Incident b = rows.get(i);
      assertThat(a.level()).isLessThanOrEqualTo(b.level());
      if (a.level() == b.level()) {
        assertThat(deadline(a))
            .as("%s before %s", a.code(), b.code())
            .isBeforeOrEqualTo(deadline(b));
      }
    }
    assertThat(rows).allMatch(i -> i.status().isOpen());
    String total = robot.lookup("#queue-total").queryLabeled().getText();
    assertThat(total).isEqualTo("合计 " + onFx(() -> table.getItems().size()));
    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "queue-monocle.png"));
  }

  @Test
  void levelStatusOverdueAndTextFiltersNarrowIt(FxRobot robot) {
    awaitFilled();
    int all = rows().size();

    robot.clickOn("#queue-level-4");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rows().stream().allMatch(i -> i.level() == IncidentLevel.IV));
    assertThat(rows().size()).isLessThan(all);
    robot.clickOn("#queue-level-4");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rows().stream().anyMatch(i -> i.level() != IncidentLevel.IV));

    robot.clickOn("#queue-status-filter");
    clickMenuItem(robot, workbench.messages().get("status.handling"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rows().stream().allMatch(i -> i.status() == IncidentStatus.HANDLING));
    robot.clickOn("#queue-status-filter");
    clickMenuItem(robot, workbench.messages().get("status.handling"));
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rows().stream().anyMatch(i -> i.status() != IncidentStatus.HANDLING));

    robot.clickOn("#queue-overdue-filter");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              Instant now = now();
              return rows().stream().allMatch(i -> clocks.overdue(i, now.plusSeconds(2)));
            });
    robot.clickOn("#queue-overdue-filter");

    Incident target = rows().get(rows().size() / 2);
    robot.clickOn("#queue-search").write(target.code());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rows().size() == 1 && rows().get(0).id().equals(target.id()));
  }

  @Test
  void selectingARowSelectsTheCaseAndASelectionElsewhereFindsTheRow(FxRobot robot) {
    awaitFilled();
    robot.clickOn(".queue-table .table-row-cell");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> onFx(() -> workbench.selectedIncidentIdProperty().get()) != null);
    String picked = onFx(() -> workbench.selectedIncidentIdProperty().get());
    assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().id())).isEqualTo(picked);

    List<Incident> rows = rows();
    Incident far = rows.get(rows.size() - 1);
    onFxRun(() -> workbench.selectedIncidentIdProperty().set(far.id()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              Incident sel = onFx(() -> table.getSelectionModel().getSelectedItem());
              return sel != null && sel.id().equals(far.id());
            });
    // Kept across updates: the feed goes on changing cases while the selection stays.
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(onFx(() -> workbench.selectedIncidentIdProperty().get())).isEqualTo(far.id());
  }

  private Instant deadline(Incident i) {
    RunningClock c = clocks.running(i);
    return c == null ? Instant.MAX : c.deadline();
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> work) {
    try {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return work.call();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              Platform::runLater)
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void onFxRun(Runnable work) {
    onFx(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Clicks an item of the open drop-down menu by its text; a plain text lookup could hit a table
   * cell that says the same (the stage column shows 处置 too).
   */
  private static void clickMenuItem(FxRobot robot, String text) {
    robot.clickOn(
        (javafx.scene.Node n) ->
            n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText())
                && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.scene.control.ContextMenu);
  }
}
