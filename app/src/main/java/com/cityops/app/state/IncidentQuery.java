package com.cityops.app.state;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentStatus;
import java.util.Locale;
import java.util.Set;

/**
 * What a view asks of the held incidents. Every criterion is optional (empty set, null bbox, blank
 * text = no restriction) and the criteria are combined with AND.
 *
 * @param districts district adcodes
 * @param bbox the area a case's location must lie in, or null
 * @param text words that must all occur in the case's code, title, category or address (case
 *     insensitive; Chinese matched by characters)
 */
public record IncidentQuery(
    Set<IncidentStatus> statuses,
    Set<IncidentLevel> levels,
    Set<String> districts,
    Bbox bbox,
    String text) {

  public IncidentQuery {
    statuses = Set.copyOf(statuses);
    levels = Set.copyOf(levels);
    districts = Set.copyOf(districts);
    text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }

  /** Every held incident. */
  public static IncidentQuery all() {
    return new IncidentQuery(Set.of(), Set.of(), Set.of(), null, "");
  }

  /** Open cases only (every status but closed). */
  public static IncidentQuery open() {
    return all().withStatuses(openStatuses());
  }

  public IncidentQuery withStatuses(Set<IncidentStatus> value) {
    return new IncidentQuery(value, levels, districts, bbox, text);
  }

  public IncidentQuery withLevels(Set<IncidentLevel> value) {
    return new IncidentQuery(statuses, value, districts, bbox, text);
  }

  public IncidentQuery withDistricts(Set<String> value) {
    return new IncidentQuery(statuses, levels, value, bbox, text);
  }

  public IncidentQuery within(Bbox value) {
    return new IncidentQuery(statuses, levels, districts, value, text);
  }

  public IncidentQuery matching(String value) {
    return new IncidentQuery(statuses, levels, districts, bbox, value);
  }

  private static Set<IncidentStatus> openStatuses() {
    var open = java.util.EnumSet.allOf(IncidentStatus.class);
    open.removeIf(s -> !s.isOpen());
    return open;
  }

  /** A lon/lat rectangle (WGS84 degrees), edges included. */
  public record Bbox(double west, double south, double east, double north) {
    public Bbox {
      if (!(west <= east) || !(south <= north)) {
        throw new IllegalArgumentException(
            "bbox must be west,south,east,north with west<=east and south<=north, got "
                + west
                + ","
                + south
                + ","
                + east
                + ","
                + north);
      }
    }

    boolean contains(double lon, double lat) {
      return lon >= west && lon <= east && lat >= south && lat <= north;
    }
  }
}
