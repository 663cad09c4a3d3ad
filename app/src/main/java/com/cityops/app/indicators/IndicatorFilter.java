package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorDomain;
import com.cityops.api.IndicatorState;
import com.cityops.app.shell.AreaScope;
import java.util.Collection;
import java.util.Locale;

/**
 * Which indicators the operator wants to see: one domain or all, all states or only those in
 * trouble, a name search, and the area in scope (city-wide indicators always, plus those of the
 * district in scope; for a street or grid scope, the district its code starts with).
 *
 * @param domain null for all domains
 * @param search matched against the name, case-insensitively; blank matches all
 * @param scopeDistrict the district in scope, or null for the whole city
 */
record IndicatorFilter(
    IndicatorDomain domain, boolean troubleOnly, String search, String scopeDistrict) {
  static final IndicatorFilter ALL = new IndicatorFilter(null, false, "", null);

  /** A scope district no indicator has: keeps the city-wide indicators only. */
  static final String CITY_WIDE_ONLY = "";

  IndicatorFilter {
    search = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
  }

  boolean matches(Indicator indicator) {
    if (domain != null && indicator.domain() != domain) {
      return false;
    }
    if (troubleOnly && indicator.state() == IndicatorState.NORMAL) {
      return false;
    }
    if (scopeDistrict != null
        && indicator.districtCode() != null
        && !scopeDistrict.equals(indicator.districtCode())) {
      return false;
    }
    return search.isEmpty() || indicator.name().toLowerCase(Locale.ROOT).contains(search);
  }

  IndicatorFilter withDomain(IndicatorDomain d) {
    return new IndicatorFilter(d, troubleOnly, search, scopeDistrict);
  }

  IndicatorFilter withTroubleOnly(boolean on) {
    return new IndicatorFilter(domain, on, search, scopeDistrict);
  }

  IndicatorFilter withSearch(String text) {
    return new IndicatorFilter(domain, troubleOnly, text, scopeDistrict);
  }

  IndicatorFilter withScopeDistrict(String district) {
    return new IndicatorFilter(domain, troubleOnly, search, district);
  }

  /**
   * The district an area lies in: its own code for a district; for a street or grid, the known
   * district whose code its code starts with (codes nest: 310107 → 310107005 → 310107005012); null
   * for the city. When no known district fits, {@link #CITY_WIDE_ONLY}: no district's indicators
   * can be told to belong, so only the city-wide ones stay.
   */
  static String districtOf(AreaScope scope, Collection<String> knownDistricts) {
    if (scope == null || scope.level() == AreaScope.Level.CITY || scope.code() == null) {
      return null;
    }
    if (scope.level() == AreaScope.Level.DISTRICT) {
      return scope.code();
    }
    String best = null;
    for (String district : knownDistricts) {
      if (scope.code().startsWith(district)
          && (best == null || district.length() > best.length())) {
        best = district;
      }
    }
    return best != null ? best : CITY_WIDE_ONLY;
  }
}
