package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.api.PersonalDataMasking;
import com.cityops.api.ReporterContact;
import com.cityops.api.StreamEnvelope;

/**
 * Cases and stream messages as a role that may not see personal data receives them (脱敏); the rules
 * themselves are the contract's, {@link PersonalDataMasking}.
 */
public final class Masking {
  private Masking() {}

  public static Incident mask(Incident incident) {
    ReporterContact reporter = incident.reporter();
    if (reporter == null || reporter.masked()) {
      return incident;
    }
    return incident.withReporter(PersonalDataMasking.mask(reporter));
  }

  /** The envelope as a masked role sees it; the same instance when it holds no personal data. */
  public static StreamEnvelope mask(StreamEnvelope envelope) {
    if (envelope.payload() instanceof Incident incident && incident.reporter() != null) {
      return new StreamEnvelope(envelope.seq(), envelope.ts(), envelope.type(), mask(incident));
    }
    return envelope;
  }
}
