package com.cityops.app.wall;

import static com.cityops.app.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.OperatingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallModeControllerTest {
  private final WallModeController modes = new WallModeController();

  @Test
  void aNewMajorCaseSwitchesToEmergencyAndTakesTheFocusOnlyBackByCommand() {
    assertThat(modes.observe(List.of(), OperatingMode.NORMAL)).isNull();
    var minor = incident("c-1", 1, IncidentStatus.REGISTERED, IncidentLevel.III);
    assertThat(modes.observe(List.of(minor), OperatingMode.NORMAL)).isNull();

    var major = incident("c-2", 1, IncidentStatus.DISCOVERED, IncidentLevel.II);
    assertThat(modes.observe(List.of(major, minor), OperatingMode.EMERGENCY))
        .isEqualTo(
            new WallModeController.Switch(
                OperatingMode.EMERGENCY, WallModeController.Reason.MAJOR_CASE, "c-2"));
    // the same case again, or the backend still in emergency: nothing new
    assertThat(modes.observe(List.of(major, minor), OperatingMode.EMERGENCY)).isNull();
    // the backend back to normal does not switch the wall back
    assertThat(modes.observe(List.of(minor), OperatingMode.NORMAL)).isNull();
    assertThat(modes.mode()).isEqualTo(OperatingMode.EMERGENCY);

    var another = incident("c-3", 1, IncidentStatus.DISCOVERED, IncidentLevel.I);
    assertThat(modes.observe(List.of(another, minor), OperatingMode.EMERGENCY).caseId())
        .as("a later major case takes the focus")
        .isEqualTo("c-3");

    assertThat(modes.command(OperatingMode.NORMAL))
        .isEqualTo(
            new WallModeController.Switch(
                OperatingMode.NORMAL, WallModeController.Reason.COMMAND, null));
    assertThat(modes.command(OperatingMode.NORMAL)).as("already there").isNull();
  }

  @Test
  void theBackendsEmergencySwitchesOnceAndAStartDuringOneStartsInIt() {
    assertThat(modes.observe(List.of(), OperatingMode.EMERGENCY))
        .isEqualTo(
            new WallModeController.Switch(
                OperatingMode.EMERGENCY, WallModeController.Reason.START, null));
    modes.command(OperatingMode.NORMAL);
    assertThat(modes.observe(List.of(), OperatingMode.EMERGENCY))
        .as("still the same emergency: the command stands")
        .isNull();
    modes.observe(List.of(), OperatingMode.NORMAL);
    assertThat(modes.observe(List.of(), OperatingMode.EMERGENCY).reason())
        .isEqualTo(WallModeController.Reason.BACKEND);
  }

  @Test
  void closedAndMergedMajorCasesDoNotCount() {
    modes.observe(List.of(), OperatingMode.NORMAL);
    var closed = incident("c-9", 3, IncidentStatus.CLOSED, IncidentLevel.I);
    assertThat(modes.observe(List.of(closed), OperatingMode.NORMAL)).isNull();
  }
}
