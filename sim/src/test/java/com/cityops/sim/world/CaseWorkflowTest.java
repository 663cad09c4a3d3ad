package com.cityops.sim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.api.ActionType;
import com.cityops.api.Incident;
import com.cityops.api.IncidentAction;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.api.Location;
import com.cityops.api.ProblemType;
import com.cityops.api.ResponsibleLevel;
import com.cityops.api.Role;
import com.cityops.api.StatusTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseWorkflowTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  private final CaseWorkflow workflow = new CaseWorkflow(grid -> "宜川一村居委会");

  static Incident incident(IncidentStatus status, IncidentLevel level, String category) {
    return new Incident(
        "inc-pt-1",
        "PT-20261122-0001",
        3,
        "中山北路积水",
        category,
        "",
        level,
        IncidentSource.IOT_SENSOR,
        new Location(121.42, 31.25, "普陀区", "310107", "310107005", "310107005003"),
        status,
        List.of(new StatusTransition(status, T0, "test", "")),
        level.responsibleLevel(),
        List.of(),
        T0,
        T0.plus(Duration.ofMinutes(5)),
        T0.plus(Duration.ofHours(2)),
        false,
        null,
        null);
  }

  private Incident act(Incident incident, IncidentAction action, Role role) {
    return workflow.apply(
        incident, action, "值班员", role, T0.plusSeconds(60), id -> Optional.empty());
  }

  @ParameterizedTest(name = "{0} from {1} → {2}")
  @CsvSource({
    "ACK, DISCOVERED, REGISTERED",
    "FEEDBACK, HANDLING, FEEDBACK",
    "FEEDBACK, DISPATCHED, FEEDBACK",
    "CLOSE, VERIFYING, CLOSED"
  })
  void movesAlongTheClosedLoop(ActionType type, IncidentStatus from, IncidentStatus to) {
    Incident next =
        act(incident(from, IncidentLevel.IV, "违停"), IncidentAction.of(type, null), Role.OPERATOR);
    assertThat(next.status()).isEqualTo(to);
    assertThat(next.version()).isEqualTo(4);
    assertThat(next.timeline().get(next.timeline().size() - 1).actor()).isEqualTo("值班员");
  }

  @Test
  void dispatchRecordsDepartmentsAndNotifiesTheCommunityForWaterlogging() {
    Incident next =
        act(
            incident(IncidentStatus.REGISTERED, IncidentLevel.IV, "道路积水"),
            IncidentAction.dispatch(List.of("城管", "交通", "应急"), null, null),
            Role.OPERATOR);
    assertThat(next.status()).isEqualTo(IncidentStatus.DISPATCHED);
    assertThat(next.departments()).containsExactly("城管", "交通", "应急");
    assertThat(next.timeline().get(1).note()).contains("派单至城管、交通、应急").contains("宜川一村居委会");
  }

  @Test
  void failedVerificationSendsTheCaseBackToHandling() {
    Incident next =
        act(
            incident(IncidentStatus.FEEDBACK, IncidentLevel.IV, "违停"),
            IncidentAction.verify(false, "未清理干净"),
            Role.OPERATOR);
    assertThat(next.status()).isEqualTo(IncidentStatus.HANDLING);
  }

  @Test
  void escalationRaisesTheLevelAndHandsItToTheNextTier() {
    Incident next =
        act(
            incident(IncidentStatus.HANDLING, IncidentLevel.III, "燃气泄漏"),
            IncidentAction.of(ActionType.ESCALATE, null),
            Role.OPERATOR);
    assertThat(next.level()).isEqualTo(IncidentLevel.II);
    assertThat(next.responsibleLevel()).isEqualTo(ResponsibleLevel.CITY);
    assertThat(next.status()).isEqualTo(IncidentStatus.HANDLING);
  }

  @Test
  void recordsTheConsoleRoleOfEachStepItTakes() {
    Incident next =
        act(
            incident(IncidentStatus.HANDLING, IncidentLevel.IV, "违停"),
            IncidentAction.of(ActionType.FEEDBACK, "已拖离"),
            Role.OPERATOR);
    assertThat(next.timeline().get(next.timeline().size() - 1).role()).isEqualTo(Role.OPERATOR);
    assertThat(next.timeline().get(0).role()).isNull();
  }

  @Test
  void theRoleThatHandledACaseCannotVerifyIt() {
    Incident handled =
        act(
            incident(IncidentStatus.HANDLING, IncidentLevel.IV, "违停"),
            IncidentAction.of(ActionType.FEEDBACK, "已拖离"),
            Role.OPERATOR);
    assertThatThrownBy(() -> act(handled, IncidentAction.verify(true, null), Role.OPERATOR))
        .isInstanceOfSatisfying(
            ActionRejected.class,
            e -> assertThat(e.problem()).isEqualTo(ProblemType.INDEPENDENT_VERIFICATION_REQUIRED))
        .hasMessageContaining("handled (反馈) by the operator role")
        .hasMessageContaining("different role");
    Incident verified = act(handled, IncidentAction.verify(true, null), Role.SUPERVISOR);
    assertThat(verified.status()).isEqualTo(IncidentStatus.VERIFYING);
    assertThat(act(verified, IncidentAction.of(ActionType.CLOSE, null), Role.OPERATOR).status())
        .isEqualTo(IncidentStatus.CLOSED);
  }

  @Test
  void closingNeedsAVerificationByAnotherRoleThanTheHandler() {
    Incident base = incident(IncidentStatus.VERIFYING, IncidentLevel.IV, "违停");
    Incident selfChecked =
        new Incident(
            base.id(),
            base.code(),
            base.version(),
            base.title(),
            base.category(),
            base.description(),
            base.level(),
            base.source(),
            base.location(),
            IncidentStatus.VERIFYING,
            List.of(
                new StatusTransition(IncidentStatus.DISCOVERED, T0, "test", ""),
                new StatusTransition(IncidentStatus.FEEDBACK, T0, "值班员", "", Role.OPERATOR),
                new StatusTransition(IncidentStatus.VERIFYING, T0, "值班员", "", Role.OPERATOR)),
            base.responsibleLevel(),
            base.departments(),
            base.reportedAt(),
            base.dispatchDeadline(),
            base.resolveDeadline(),
            false,
            null,
            null);
    assertThatThrownBy(
            () -> act(selfChecked, IncidentAction.of(ActionType.CLOSE, null), Role.SUPERVISOR))
        .isInstanceOfSatisfying(
            ActionRejected.class,
            e -> {
              assertThat(e.problem()).isEqualTo(ProblemType.INDEPENDENT_VERIFICATION_REQUIRED);
              assertThat(e.problem().status()).isEqualTo(409);
            })
        .hasMessageContaining("cannot close case PT-20261122-0001");
  }

  @Test
  void refusesIllegalTransitionsWithAReason() {
    assertThatThrownBy(
            () ->
                act(
                    incident(IncidentStatus.HANDLING, IncidentLevel.IV, "违停"),
                    IncidentAction.of(ActionType.CLOSE, null),
                    Role.OPERATOR))
        .isInstanceOfSatisfying(
            ActionRejected.class,
            e -> assertThat(e.problem()).isEqualTo(ProblemType.ILLEGAL_TRANSITION))
        .hasMessageContaining("handling (处置)");
    assertThatThrownBy(
            () ->
                act(
                    incident(IncidentStatus.HANDLING, IncidentLevel.I, "火情"),
                    IncidentAction.of(ActionType.ESCALATE, null),
                    Role.SUPERVISOR))
        .hasMessageContaining("highest level");
  }

  @Test
  void closingAMajorCaseNeedsASupervisor() {
    Incident major = incident(IncidentStatus.VERIFYING, IncidentLevel.II, "燃气泄漏");
    assertThatThrownBy(() -> act(major, IncidentAction.of(ActionType.CLOSE, null), Role.OPERATOR))
        .isInstanceOfSatisfying(
            ActionRejected.class, e -> assertThat(e.problem()).isEqualTo(ProblemType.FORBIDDEN));
    assertThat(act(major, IncidentAction.of(ActionType.CLOSE, null), Role.SUPERVISOR).status())
        .isEqualTo(IncidentStatus.CLOSED);
  }

  @Test
  void departmentsAdvanceACaseWhenItsTimeComesAndNotBefore() {
    Incident fresh = incident(IncidentStatus.DISCOVERED, IncidentLevel.IV, "违停");
    CaseCategory category = CaseCategory.named("违停");
    assertThat(workflow.autoAdvance(fresh, category, T0.plusSeconds(30))).isEmpty();
    Incident registered =
        workflow.autoAdvance(fresh, category, T0.plus(Duration.ofMinutes(5))).orElseThrow();
    assertThat(registered.status()).isEqualTo(IncidentStatus.REGISTERED);
    assertThat(CaseWorkflow.delay(fresh, category)).isEqualTo(CaseWorkflow.delay(fresh, category));
  }

  @Test
  void flagsACaseOverdueWhenItsStageDeadlinePasses() {
    Incident notDispatched = incident(IncidentStatus.REGISTERED, IncidentLevel.IV, "道路积水");
    assertThat(CaseWorkflow.isOverdue(notDispatched, T0.plus(Duration.ofMinutes(4)))).isFalse();
    assertThat(CaseWorkflow.isOverdue(notDispatched, T0.plus(Duration.ofMinutes(6)))).isTrue();
    assertThat(workflow.withOverdue(notDispatched, T0.plus(Duration.ofMinutes(6))).version())
        .isEqualTo(4);
  }
}
