package com.cityops.api;

/** Why an alert was raised. */
public enum AlertKind {
  /** A level Ⅰ/Ⅱ case appeared: walls should switch to the emergency layout (平急转换). */
  MAJOR_INCIDENT,
  /** A sensor crossed its alarm limit. */
  SENSOR_ALARM,
  /** A case ran past a deadline. */
  OVERDUE,
  /** Several sources reported the same thing (多源预警). */
  MULTI_SOURCE
}
