package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.api.Incident;
import com.cityops.app.UiTestSupport;
import com.cityops.app.map.MapView;
import com.cityops.sim.SimConfig;
import com.cityops.sim.SimServer;
import com.cityops.themes.Theme;
import com.cityops.themes.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Signed in as a supervisor, with the bundled basemap: the reporter's contact is masked until
 * revealed, and each reveal is written to the audit log. Also takes the detail's screenshot
 * (target/screenshots/workstation-detail.png).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SupervisorDetailUiIT {
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
            "supervisor",
            "--data-dir",
            dataDir.toString());
  }

  @AfterEach
  void stop(FxRobot robot) {
    // Let go of the basemap before closing, so no tile render is still asking it for tiles.
    MapView map = robot.lookup("#city-map").queryAs(MapView.class);
    robot.interact(() -> map.basemapProperty().set(null));
    org.testfx.util.WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
    app.close();
    server.close();
  }

  @Test
  void revealingTheReportersPhoneIsAudited(FxRobot robot) throws Exception {
    IncidentDetailUiIT.waitUntilLive(app, robot);
    Incident incident =
        IncidentDetailUiIT.openCases(app, IncidentDetailUiIT.OPEN).stream()
            .filter(
                i ->
                    i.reporter() != null
                        && !i.reporter().masked()
                        && i.reporter().idNumber() != null)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open case with a reporter in the snapshot"));
    IncidentDetailUiIT.select(robot, app, incident.id());
    await()
        .atMost(IncidentDetailUiIT.LONG)
        .until(() -> robot.lookup("#reveal-phone").tryQuery().isPresent());

    Label phone = robot.lookup("#reporter-phone").queryAs(Label.class);
    assertThat(phone.getText()).contains("****").isNotEqualTo(incident.reporter().phone());
    assertThat(robot.lookup("#reporter-name").queryAs(Label.class).getText()).contains("*");
    Label idNumber = robot.lookup("#reporter-idNumber").queryAs(Label.class);
    assertThat(idNumber.getText())
        .hasSize(18)
        .startsWith(incident.reporter().idNumber().substring(0, 3))
        .contains("***********")
        .endsWith(incident.reporter().idNumber().substring(14));
    Thread.sleep(
        6000); // the map flies to the case and loads its tiles; let it settle for the picture
    UiTestSupport.snapshot(robot, Path.of("target", "screenshots", "workstation-detail.png"));
    // The same panel in the other palettes, scrolled to the reporter, to look at by eye.
    robot.interact(
        () ->
            robot
                .lookup(".detail-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
    for (Theme theme : List.of(Theme.LIGHT, Theme.HIGH_CONTRAST)) {
      robot.interact(() -> Themes.apply(robot.window(0).getScene(), theme));
      UiTestSupport.snapshot(
          robot,
          Path.of(
              "target",
              "screenshots",
              "workstation-detail-" + theme.name().toLowerCase().replace('_', '-') + ".png"));
    }

    robot.interact(() -> robot.lookup("#reveal-phone").queryButton().fire());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> incident.reporter().phone().equals(phone.getText()));
    Path audit = dataDir.resolve(AuditLog.FILE);
    assertThat(Files.readAllLines(audit))
        .filteredOn(line -> line.contains("\"action\":\"reveal-personal-data\""))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("\"user\":\"supervisor\"")
                    .contains("\"caseId\":\"" + incident.id() + "\"")
                    .contains("\"field\":\"reporter.phone\"")
                    .doesNotContain(incident.reporter().phone()));
    assertThat(Files.readString(audit)).contains("\"action\":\"sign-in\"");
    assertThat(com.cityops.app.security.AuditTrail.verify(audit).intact()).isTrue();
    assertThat(robot.lookup("#reporter-name").queryAs(Label.class).getText()).contains("*");
    assertThat(idNumber.getText()).as("only the field revealed").contains("***********");
  }
}
