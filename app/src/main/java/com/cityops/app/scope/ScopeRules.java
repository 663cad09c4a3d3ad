package com.cityops.app.scope;

import com.cityops.app.search.Gazetteer;
import com.cityops.app.search.Place;
import com.cityops.app.shell.AreaScope;

/**
 * What area an operator may look at: anything inside their jurisdiction (a district, or the whole
 * city when they have none), never above it. Pure; thread-safe.
 */
public final class ScopeRules {
  private ScopeRules() {}

  /** The operator's whole area: their district, or the city. */
  public static AreaScope top(String jurisdiction, Gazetteer places) {
    if (jurisdiction == null) {
      return AreaScope.CITY;
    }
    String name = places.place(jurisdiction).map(Place::name).orElse(jurisdiction);
    return new AreaScope(AreaScope.Level.DISTRICT, jurisdiction, name);
  }

  /**
   * {@code wanted} if it lies inside the jurisdiction, else the jurisdiction itself. A street or
   * grid the gazetteer does not know yet counts as outside: better a wider view of one's own
   * district than a glimpse beyond it.
   */
  public static AreaScope clamp(AreaScope wanted, String jurisdiction, Gazetteer places) {
    AreaScope top = top(jurisdiction, places);
    if (wanted == null) {
      return top;
    }
    if (jurisdiction == null) {
      return wanted;
    }
    if (wanted.level() == AreaScope.Level.DISTRICT && jurisdiction.equals(wanted.code())) {
      return wanted.name() == null || wanted.name().equals(wanted.code()) ? top : wanted;
    }
    return wanted.level() != AreaScope.Level.CITY && places.within(wanted, top) ? wanted : top;
  }
}
