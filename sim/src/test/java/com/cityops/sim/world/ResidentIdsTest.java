package com.cityops.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.ResidentIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentIdsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @Test
  void givesValidNumbersOfTheDistrictForAboutThreeInFive() {
    List<String> given = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String id = ResidentIds.forCase("PT-20261202-" + i, "310107", TODAY);
      if (id != null) {
        given.add(id);
      }
    }
    assertThat(given.size()).isBetween(520, 680);
    assertThat(given)
        .allSatisfy(
            id -> {
              assertThat(ResidentIdNumber.isValid(id)).as(id).isTrue();
              assertThat(id).startsWith("310107");
              int year = Integer.parseInt(id.substring(6, 10));
              assertThat(year).isBetween(1943, 2008);
            });
  }

  @Test
  void isTheSameForTheSameCase() {
    assertThat(ResidentIds.forCase("HP-1", "310101", TODAY))
        .isEqualTo(ResidentIds.forCase("HP-1", "310101", TODAY));
  }
}
