package com.cityops.api;

/**
 * The check character of an 18-character resident ID number (公民身份号码, GB 11643-1999): ISO 7064 MOD
 * 11-2 over the first 17 digits, {@code 0}–{@code 9} or {@code X} for 10. Pure; thread-safe.
 */
public final class ResidentIdNumber {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ResidentIdNumber() {}

  /**
   * The check character for the first 17 digits.
   *
   * @throws IllegalArgumentException unless {@code first17} is 17 ASCII digits
   */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at " + (i + 1) + ": '" + c + "'");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Whether {@code number} is 17 digits and the right check character (an upper-case X). */
  public static boolean isValid(String number) {
    if (number == null || number.length() != 18) {
      return false;
    }
    String first17 = number.substring(0, 17);
    if (!first17.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return checkCharacter(first17) == number.charAt(17);
  }
}
