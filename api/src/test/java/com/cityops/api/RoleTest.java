package com.cityops.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void onlyOperatorsAndSupervisorsActAndOnlySupervisorsSeePersonalData() {
    assertThat(Role.OPERATOR.mayAct()).isTrue();
    assertThat(Role.SUPERVISOR.mayAct()).isTrue();
    assertThat(Role.VIEWER.mayAct()).isFalse();
    assertThat(Role.WALL.mayAct()).as("a wall only watches").isFalse();
    assertThat(Role.WALL.allowedActions()).isEmpty();
    assertThat(Role.WALL.seesPersonalData()).isFalse();
    assertThat(Role.SUPERVISOR.seesPersonalData()).isTrue();
  }
}
