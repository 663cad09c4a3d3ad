package com.cityops.api;

import org.jspecify.annotations.Nullable;

/**
 * The contract's masking rules for personal data (脱敏), one copy for server and client: names keep
 * the surname ({@code 张*}, {@code 欧阳**}), mobile numbers the first three and last four digits
 * ({@code 138****5678}), resident ID numbers (居民身份证号, 15 or 18 characters) the first three and the
 * last four ({@code 310***********123X}, {@code 310********1234}). {@code null} stays {@code null};
 * a value too short to keep anything is masked whole. Pure functions; thread-safe.
 */
public final class PersonalDataMasking {
  private static final String[] COMPOUND_SURNAMES = {"欧阳", "诸葛", "司马", "上官", "东方", "皇甫"};

  private PersonalDataMasking() {}

  public static @Nullable String name(@Nullable String name) {
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

  public static @Nullable String phone(@Nullable String phone) {
    return keepEnds(phone, 3, 4);
  }

  /**
   * An ID number as a role that may not see it is shown it: the first three characters (the
   * province and city of the issuing region) and the last four (for an 18-character number the last
   * one is the check character, often {@code X}); the birth date in between is always hidden.
   */
  public static @Nullable String idNumber(@Nullable String idNumber) {
    return keepEnds(idNumber, 3, 4);
  }

  /** The contact as a role that may not see personal data receives it (the same if masked). */
  public static @Nullable ReporterContact mask(@Nullable ReporterContact contact) {
    if (contact == null || contact.masked()) {
      return contact;
    }
    return new ReporterContact(
        name(contact.name()), phone(contact.phone()), idNumber(contact.idNumber()), true);
  }

  private static @Nullable String keepEnds(@Nullable String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    if (value.length() < head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
