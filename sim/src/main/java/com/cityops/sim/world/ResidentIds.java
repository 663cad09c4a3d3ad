package com.cityops.sim.world;

import com.cityops.api.ResidentIdNumber;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Made-up resident ID numbers for reporters (GB 11643: region code, birth date, sequence, check
 * character), the same for the same case every run: seeded by the case code, so a restarted sim
 * from its journal tells the same story. About three reporters in five give one.
 */
final class ResidentIds {
  private ResidentIds() {}

  /** An 18-character valid ID number, or null when this reporter gave none. */
  static String forCase(String caseCode, String districtAdcode, LocalDate today) {
    SplittableRandom rnd = new SplittableRandom(caseCode.hashCode() * 0x9E3779B97F4A7C15L);
    if (rnd.nextInt(5) >= 3) {
      return null;
    }
    String region =
        districtAdcode != null && districtAdcode.matches("\\d{6}") ? districtAdcode : "310101";
    LocalDate born = today.minusYears(18 + rnd.nextInt(62)).minusDays(rnd.nextInt(365));
    String first17 =
        region
            + String.format(
                "%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
            + String.format("%03d", rnd.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
