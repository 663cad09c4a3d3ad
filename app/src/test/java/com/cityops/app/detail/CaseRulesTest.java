package com.cityops.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.IncidentLevel;
import com.cityops.sim.world.CaseCategory;
import com.cityops.sim.world.CaseWorkflow;
import org.junit.jupiter.api.Test;

class CaseRulesTest {
  private final CaseRules rules = CaseRules.bundled();

  @Test
  void routesAndHasAnSopForEveryCategoryTheReferenceBackendKnows() {
    for (CaseCategory category : CaseCategory.ALL) {
      assertThat(rules.routedCategories())
          .as("routing rule for %s", category.name())
          .contains(category.name());
      assertThat(rules.sopCategories()).as("SOP for %s", category.name()).contains(category.name());
    }
  }

  @Test
  void suggestsOnlyDepartmentsTheBackendAcceptsForDispatch() {
    assertThat(CaseWorkflow.DEPARTMENTS).containsAll(rules.departments());
    for (String category : rules.routedCategories()) {
      assertThat(rules.departments())
          .containsAll(rules.suggestedDepartments(category, IncidentLevel.IV));
    }
  }

  @Test
  void addsTheStreetOfficeForGeneralCasesOnly() {
    assertThat(rules.suggestedDepartments("道路积水", IncidentLevel.IV))
        .containsExactly("水务", "城管", "交通", "应急", "街镇");
    assertThat(rules.suggestedDepartments("道路积水", IncidentLevel.II))
        .containsExactly("水务", "城管", "交通", "应急");
    assertThat(rules.suggestedDepartments("未知类别", IncidentLevel.II)).containsExactly("街镇");
    assertThat(rules.sopSteps("未知类别")).isNotEmpty();
  }
}
