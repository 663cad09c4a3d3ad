package com.cityops.sim.world;

import com.cityops.api.Incident;
import com.cityops.api.ReporterContact;
import com.cityops.api.StreamEnvelope;

/**
 * Personal data masking (脱敏) for roles that may not see it: names keep the surname ({@code 张*},
 * {@code 欧阳**}), mobile numbers keep the first three and last four digits ({@code 138****5678}).
 */
public final class Masking {
  private static final String[] COMPOUND_SURNAMES = {"欧阳", "诸葛", "司马", "上官", "东方", "皇甫"};

  private Masking() {}

  public static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int keep = 1;
    for (String compound : COMPOUND_SURNAMES) {
      if (name.startsWith(compound)) {
        keep = compound.length();
      }
    }
    int rest = Math.max(1, name.codePointCount(0, name.length()) - keep);
    return name.substring(0, keep) + "*".repeat(rest);
  }

  public static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }

  public static Incident mask(Incident incident) {
    ReporterContact reporter = incident.reporter();
    if (reporter == null || reporter.masked()) {
      return incident;
    }
    return incident.withReporter(
        new ReporterContact(maskName(reporter.name()), maskPhone(reporter.phone()), true));
  }

  /** The envelope as a masked role sees it; the same instance when it holds no personal data. */
  public static StreamEnvelope mask(StreamEnvelope envelope) {
    if (envelope.payload() instanceof Incident incident && incident.reporter() != null) {
      return new StreamEnvelope(envelope.seq(), envelope.ts(), envelope.type(), mask(incident));
    }
    return envelope;
  }
}
