package com.cityops.app.detail;

/**
 * Masks personal data for display (脱敏), as the contract describes it: names keep the surname
 * ({@code 张*}), phone numbers the first three and last four digits ({@code 138****5678}). Used when
 * the server sent a value in clear (the supervisor's case) until the operator reveals it.
 */
final class PersonalDataMask {
  private static final String[] COMPOUND_SURNAMES = {"欧阳", "诸葛", "司马", "上官", "东方", "皇甫"};

  private PersonalDataMask() {}

  static String name(String name) {
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

  static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() < 7) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }
}
