package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Role;
import com.cityops.app.UiTestSupport;
import com.cityops.app.map.MapInteraction;
import com.cityops.app.map.MapSelection;
import com.cityops.app.map.MapView;
import com.cityops.app.outbox.OutboxEntry;
import com.cityops.app.state.IncidentQuery;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The case detail in the real window (headless Monocle) against the real reference backend signed
 * in as an operator: selecting a case shows its closed loop; a dispatch goes through the outbox and
 * comes back confirmed; a refusal shows the server's reason.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IncidentDetailUiIT {
  static final Duration LONG = Duration.ofSeconds(30);
  static final Set<IncidentStatus> OPEN =
      java.util.EnumSet.complementOf(java.util.EnumSet.of(IncidentStatus.CLOSED));

  private SimServer server;
  private UiTestSupport.RunningApp app;
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
            "none");
  }

  @AfterEach
  void stop() {
    app.close();
    server.close();
  }

  static List<Incident> openCases(UiTestSupport.RunningApp app, Set<IncidentStatus> statuses) {
    return app.workbench().state().query(IncidentQuery.open().withStatuses(statuses)).stream()
        .sorted(Comparator.comparing(Incident::id))
        .toList();
  }

  static void waitUntilLive(UiTestSupport.RunningApp app, FxRobot robot) {
    await()
        .atMost(LONG)
        .until(() -> "实时".equals(robot.lookup("#feed-badge").queryAs(Label.class).getText()));
    await().atMost(LONG).until(() -> app.workbench().userProperty().get() != null);
    await().atMost(LONG).until(() -> !openCases(app, OPEN).isEmpty());
  }

  static void select(FxRobot robot, UiTestSupport.RunningApp app, String id) {
    robot.interact(() -> app.workbench().selectedIncidentIdProperty().set(id));
  }

  static String texts(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(Node node, StringBuilder out) {
    if (node instanceof javafx.scene.control.Labeled labeled) {
      out.append(labeled.getText()).append('\n');
    }
    if (node instanceof javafx.scene.Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
    }
  }

  @Test
  void selectingACaseShowsItsClosedLoopAndClickingItOnTheMapSelectsIt(FxRobot robot)
      throws Exception {
    waitUntilLive(app, robot);
    Incident incident = openCases(app, OPEN).get(0);
    select(robot, app, incident.id());

    await()
        .atMost(LONG)
        .until(
            () ->
                incident
                    .code()
                    .equals(robot.lookup("#detail-code").queryAs(Label.class).getText()));
    VBox timeline = robot.lookup("#detail-timeline").queryAs(VBox.class);
    assertThat(timeline.getChildren()).hasSize(IncidentStatus.values().length);
    HBox discovered = robot.lookup("#timeline-discovered").queryAs(HBox.class);
    assertThat(discovered.getPseudoClassStates().toString()).contains("reached");
    assertThat(texts(discovered)).contains("发现").contains(incident.timeline().get(0).actor());
    HBox closed = robot.lookup("#timeline-closed").queryAs(HBox.class);
    assertThat(closed.getPseudoClassStates().toString()).contains("unreached");
    assertThat(texts(closed)).contains("未到达");
    assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText())
        .isEqualTo(incident.title());
    assertThat(robot.lookup("#detail-level").queryAs(Label.class).getText())
        .startsWith(incident.level().roman());
    assertThat(texts(robot.lookup("#detail-sop").query())).contains("1. ");

    // The map follows: the case is highlighted there (its selection), and a click on another
    // case's marker selects that case.
    MapView map = robot.lookup("#city-map").queryAs(MapView.class);
    MapInteraction interaction = (MapInteraction) map.getProperties().get(MapInteraction.class);
    assertThat(interaction.selectedProperty().get().feature().id()).isEqualTo(incident.id());
    Incident other = openCases(app, OPEN).get(1);
    robot.interact(
        () ->
            interaction
                .selectedProperty()
                .set(
                    new MapSelection(
                        "incidents", com.cityops.app.map.CityMapLayers.caseFeature(other))));
    assertThat(app.workbench().selectedIncidentIdProperty().get()).isEqualTo(other.id());
    await()
        .atMost(LONG)
        .until(
            () -> other.code().equals(robot.lookup("#detail-code").queryAs(Label.class).getText()));
  }

  @Test
  void aDispatchIsConfirmedAndTheTimelineGainsTheStep(FxRobot robot) throws Exception {
    waitUntilLive(app, robot);
    Incident incident =
        openCases(app, Set.of(IncidentStatus.DISCOVERED, IncidentStatus.REGISTERED)).get(0);
    select(robot, app, incident.id());
    await()
        .atMost(LONG)
        .until(() -> !robot.lookup("#action-dispatch").queryAs(Button.class).isDisabled());

    robot.clickOn("#action-dispatch");
    assertThat(texts(robot.lookup("#dispatch-departments").query())).contains("★");
    robot.clickOn("#action-note").write("请尽快到场");
    robot.clickOn("#action-send");

    VBox status = robot.lookup("#action-status").queryAs(VBox.class);
    await()
        .atMost(LONG)
        .until(() -> texts(status).contains("派单") && texts(status).contains("✓ 已确认"));
    assertThat(app.workbench().outbox().entries())
        .filteredOn(e -> e.incidentId().equals(incident.id()))
        .extracting(OutboxEntry::state)
        .containsExactly(OutboxEntry.State.CONFIRMED);
    await()
        .atMost(LONG)
        .until(
            () ->
                texts(robot.lookup("#timeline-dispatched").query()).contains("请尽快到场")
                    && texts(robot.lookup("#timeline-dispatched").query()).contains("值班员"));
    Incident after = app.workbench().state().incident(incident.id());
    assertThat(after.timeline())
        .anySatisfy(
            t -> {
              assertThat(t.status()).isEqualTo(IncidentStatus.DISPATCHED);
              assertThat(t.role()).isEqualTo(Role.OPERATOR);
            });
    assertThat(robot.lookup("#detail-assigned").queryAs(Label.class).getText()).contains("城管");
    UiTestSupport.snapshot(
        robot, Path.of("target", "screenshots", "workstation-detail-monocle.png"));
  }

  @Test
  void aRefusedActionShowsTheServersReason(FxRobot robot) {
    waitUntilLive(app, robot);
    Incident incident =
        openCases(
                app,
                Set.of(
                    IncidentStatus.DISCOVERED,
                    IncidentStatus.REGISTERED,
                    IncidentStatus.DISPATCHED,
                    IncidentStatus.HANDLING))
            .get(0);
    select(robot, app, incident.id());
    await()
        .atMost(LONG)
        .until(
            () ->
                incident
                    .code()
                    .equals(robot.lookup("#detail-code").queryAs(Label.class).getText()));
    // The button says no, with the reason…
    assertThat(robot.lookup("#action-close").queryAs(Button.class).isDisabled()).isTrue();
    StackPane wrapper = robot.lookup("#action-wrap-close").queryAs(StackPane.class);
    Tooltip tip = (Tooltip) wrapper.getProperties().get("javafx.scene.control.Tooltip");
    assertThat(tip.getText()).contains("尚未核查通过");

    // …and an action sent anyway (e.g. from a stale screen) is refused by the backend.
    app.workbench().outbox().submit(incident.id(), IncidentAction.of(ActionType.CLOSE, null));

    VBox status = robot.lookup("#action-status").queryAs(VBox.class);
    await().atMost(LONG).until(() -> texts(status).contains("✗ 被拒绝（HTTP 409）"));
    assertThat(texts(status)).contains("cannot close case " + incident.code());
    Label row =
        (Label) status.getChildren().stream().filter(n -> n instanceof Label).findFirst().get();
    assertThat(row.getPseudoClassStates().toString()).contains("rejected");
  }
}
