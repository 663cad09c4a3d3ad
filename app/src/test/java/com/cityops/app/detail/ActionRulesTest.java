package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import com.cityops.app.Fixtures;
import com.cityops.app.i18n.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionRulesTest {
  private final Messages messages = Messages.forLanguage("zh-CN");

  private Map<ActionType, ActionRules.Availability> rules(Incident i, Role role) {
    return ActionRules.of(i, role, 0, messages);
  }

  @Test
  void aViewerMayDoNothingAndIsToldWhy() {
    var all =
        rules(Fixtures.incident("a", 1, IncidentStatus.DISCOVERED, IncidentLevel.IV), Role.VIEWER);
    assertThat(all.values()).noneMatch(ActionRules.Availability::enabled);
    assertThat(all.get(ActionType.ACK).reason()).contains("观察席");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "DISCOVERED, 'ACK,DISPATCH,ESCALATE'",
    "REGISTERED, 'DISPATCH,ESCALATE'",
    "DISPATCHED, 'DISPATCH,ESCALATE,FEEDBACK'",
    "HANDLING, 'ESCALATE,FEEDBACK'",
    "FEEDBACK, 'ESCALATE,VERIFY'",
    "VERIFYING, 'ESCALATE,CLOSE'",
    "CLOSED, ''"
  })
  void enablesOnlyWhatTheStatusAllows(IncidentStatus status, String enabled) {
    var all = rules(Fixtures.incident("a", 1, status, IncidentLevel.IV), Role.OPERATOR);
    List<String> on =
        all.values().stream()
            .filter(ActionRules.Availability::enabled)
            .map(a -> a.type().name())
            .toList();
    assertThat(String.join(",", on)).isEqualTo(enabled);
    assertThat(all.values())
        .filteredOn(a -> !a.enabled())
        .allSatisfy(a -> assertThat(a.reason()).isNotBlank());
  }

  @Test
  void closingNeedsAVerificationByAnotherRoleThanTheHandler() {
    Incident selfChecked =
        withTimeline(
            IncidentStatus.VERIFYING,
            new StatusTransition(IncidentStatus.FEEDBACK, Fixtures.T0, "值班员", "", Role.OPERATOR),
            new StatusTransition(IncidentStatus.VERIFYING, Fixtures.T0, "值班员", "", Role.OPERATOR));
    var close = rules(selfChecked, Role.SUPERVISOR).get(ActionType.CLOSE);
    assertThat(close.enabled()).isFalse();
    assertThat(close.reason()).contains("值班员").contains("其他角色核查");

    Incident checkedBySupervisor =
        withTimeline(
            IncidentStatus.VERIFYING,
            new StatusTransition(IncidentStatus.FEEDBACK, Fixtures.T0, "值班员", "", Role.OPERATOR),
            new StatusTransition(
                IncidentStatus.VERIFYING, Fixtures.T0, "值班长", "", Role.SUPERVISOR));
    assertThat(rules(checkedBySupervisor, Role.OPERATOR).get(ActionType.CLOSE).enabled()).isTrue();
  }

  @Test
  void theHandlersRoleMayNotVerifyItsOwnWork() {
    Incident handled =
        withTimeline(
            IncidentStatus.FEEDBACK,
            new StatusTransition(IncidentStatus.FEEDBACK, Fixtures.T0, "值班员", "", Role.OPERATOR));
    assertThat(rules(handled, Role.OPERATOR).get(ActionType.VERIFY).enabled()).isFalse();
    assertThat(rules(handled, Role.SUPERVISOR).get(ActionType.VERIFY).enabled()).isTrue();
  }

  @Test
  void mergeNeedsADuplicateAndCloseOfAMajorCaseNeedsASupervisor() {
    Incident major = Fixtures.incident("a", 1, IncidentStatus.VERIFYING, IncidentLevel.II);
    assertThat(rules(major, Role.OPERATOR).get(ActionType.CLOSE).reason()).contains("值班长");
    assertThat(rules(major, Role.OPERATOR).get(ActionType.MERGE).enabled()).isFalse();
    assertThat(ActionRules.of(major, Role.OPERATOR, 1, messages).get(ActionType.MERGE).enabled())
        .isTrue();
  }

  private static Incident withTimeline(IncidentStatus status, StatusTransition... steps) {
    Incident base = Fixtures.incident("a", 1, status, IncidentLevel.IV);
    return new Incident(
        base.id(),
        base.code(),
        base.version(),
        base.title(),
        base.category(),
        base.description(),
        base.level(),
        base.source(),
        base.location(),
        status,
        List.of(steps),
        base.responsibleLevel(),
        base.departments(),
        base.reportedAt(),
        base.dispatchDeadline(),
        base.resolveDeadline(),
        false,
        null,
        null);
  }
}
