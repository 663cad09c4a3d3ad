package com.cityops.app.queue;

/**
 * Readable names for district and street codes, taken from the addresses the backend writes
 * (Chinese addresses run from the large unit to the small: 上海市普陀区长寿路街道 …), since cases carry only
 * the codes. Falls back to the code when the address does not follow that shape.
 *
 * <p>Stateless, thread-safe.
 */
final class PlaceLabels {
  private static final String[] DISTRICT_ENDS = {"新区", "区", "县"};
  private static final String[] STREET_ENDS = {"街道", "镇", "乡"};

  private PlaceLabels() {}

  static String district(String address, String code) {
    String head = withoutCity(address);
    int end = firstEnd(head, 0, DISTRICT_ENDS);
    return end < 0 ? code : head.substring(0, end);
  }

  static String street(String address, String code) {
    String head = withoutCity(address);
    int from = Math.max(0, firstEnd(head, 0, DISTRICT_ENDS));
    int end = firstEnd(head, from, STREET_ENDS);
    return end < 0 ? code : head.substring(from, end);
  }

  private static String withoutCity(String address) {
    if (address == null) {
      return "";
    }
    int space = address.indexOf(' ');
    String head = space < 0 ? address : address.substring(0, space);
    int city = head.indexOf('市');
    return city >= 0 && city < 5 ? head.substring(city + 1) : head;
  }

  /** The index just after the earliest of {@code ends} at or after {@code from}, or -1. */
  private static int firstEnd(String text, int from, String[] ends) {
    int best = -1;
    for (String end : ends) {
      int at = text.indexOf(end, from);
      if (at > 0 && (best < 0 || at + end.length() < best)) {
        best = at + end.length();
      }
    }
    return best;
  }
}
