package com.cityops.app.wall;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a wall panel shows; each reuses the workstation's view of it. */
public enum PanelKind {
  /** The city map (城市运行一张图), possibly spanning several screens. */
  MAP,
  /** Vital-sign tiles (城市体征), all or some domains. */
  INDICATORS,
  /** The incident queue. */
  QUEUE,
  /** The case in focus: its detail, with the cameras and sensors near it. */
  FOCUS,
  /** One indicator's recent history as a chart. */
  CHART,
  /** The clock, the centre's name and the mode. */
  CLOCK,
  /** A fixed line of text (a briefing title, a warning). */
  BANNER,
  /** The newest cases running across. */
  TICKER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static PanelKind ofWireName(String name) {
    for (PanelKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown panel kind '"
            + name
            + "'; one of "
            + Arrays.stream(values()).map(PanelKind::wireName).collect(Collectors.joining(", ")));
  }
}
