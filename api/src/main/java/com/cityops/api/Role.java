package com.cityops.api;

import java.util.EnumSet;
import java.util.Set;

/** What a signed-in user may see and do. */
public enum Role {
  /** Sees the city; personal data masked; cannot act on cases. */
  VIEWER,
  /** Works cases; personal data masked. */
  OPERATOR,
  /** Works cases including closing Ⅰ/Ⅱ; sees personal data. */
  SUPERVISOR,
  /**
   * An unattended video wall: sees the city, personal data masked, cannot act on cases; may steer
   * the walls it drives ({@code wall.scene}). Its seat never locks.
   */
  WALL;

  /** Operators and supervisors work cases; viewers and walls only watch. */
  public boolean mayAct() {
    return this == OPERATOR || this == SUPERVISOR;
  }

  public boolean seesPersonalData() {
    return this == SUPERVISOR;
  }

  public Set<ActionType> allowedActions() {
    return mayAct() ? EnumSet.allOf(ActionType.class) : EnumSet.noneOf(ActionType.class);
  }
}
