package com.cityops.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Incident grade Ⅰ–Ⅳ. On the wire it is the integer 1–4 (1 = most severe), so it sorts and compares
 * without a lookup table.
 */
public enum IncidentLevel {
  I(1, "Ⅰ", "特别重大", "Extraordinary"),
  II(2, "Ⅱ", "重大", "Major"),
  III(3, "Ⅲ", "较大", "Serious"),
  IV(4, "Ⅳ", "一般", "General");

  private final int code;
  private final String roman;
  private final String zhName;
  private final String enName;

  IncidentLevel(int code, String roman, String zhName, String enName) {
    this.code = code;
    this.roman = roman;
    this.zhName = zhName;
    this.enName = enName;
  }

  @JsonValue
  public int code() {
    return code;
  }

  /** The Roman numeral as operators read it: Ⅰ, Ⅱ, Ⅲ, Ⅳ. */
  public String roman() {
    return roman;
  }

  public String zhName() {
    return zhName;
  }

  public String enName() {
    return enName;
  }

  /**
   * The level handled by the city centre (Ⅰ, Ⅱ), the department sub-centre (Ⅲ) or the street (Ⅳ).
   */
  public ResponsibleLevel responsibleLevel() {
    return switch (this) {
      case I, II -> ResponsibleLevel.CITY;
      case III -> ResponsibleLevel.DEPARTMENT;
      case IV -> ResponsibleLevel.STREET;
    };
  }

  /** The next more severe level, or this one if it is already Ⅰ. */
  public IncidentLevel escalated() {
    return this == I ? I : values()[ordinal() - 1];
  }

  @JsonCreator
  public static IncidentLevel ofCode(int code) {
    for (IncidentLevel level : values()) {
      if (level.code == code) {
        return level;
      }
    }
    throw new IllegalArgumentException("incident level must be 1 (Ⅰ) to 4 (Ⅳ), got " + code);
  }
}
