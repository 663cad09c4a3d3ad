package com.cityops.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import com.cityops.api.ReporterContact;
import com.cityops.api.StreamEnvelope;
import com.cityops.api.StreamEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The server masks with the contract's rules (tested in api's PersonalDataMaskingTest). */
class MaskingTest {
  static final Incident CASE =
      CaseWorkflowTest.incident(IncidentStatus.DISCOVERED, IncidentLevel.III, "道路积水")
          .withReporter(new ReporterContact("欧阳子涵", "13812345678", "31010719900307123X", false));

  @Test
  void masksNamePhoneAndIdNumberOfTheReporter() {
    assertThat(Masking.mask(CASE).reporter())
        .isEqualTo(new ReporterContact("欧阳**", "138****5678", "310***********123X", true));
  }

  @Test
  void leavesACaseWithoutReporterOrAlreadyMaskedAsItIs() {
    Incident none = CASE.withReporter(null);
    assertThat(Masking.mask(none)).isSameAs(none);
    Incident masked = Masking.mask(CASE);
    assertThat(Masking.mask(masked)).isSameAs(masked);
  }

  @Test
  void masksTheCaseInAStreamMessage() {
    StreamEnvelope envelope =
        new StreamEnvelope(7, Instant.EPOCH, StreamEventType.INCIDENT_UPSERT, CASE);
    StreamEnvelope masked = Masking.mask(envelope);
    assertThat(((Incident) masked.payload()).reporter().idNumber()).isEqualTo("310***********123X");
    assertThat(masked.seq()).isEqualTo(7);
  }
}
