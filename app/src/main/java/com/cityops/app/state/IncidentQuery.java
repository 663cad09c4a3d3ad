package com.cityops.app.state;

import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a view asks of the held incidents. Every criterion is optional (empty set, null bbox, blank
 * text, false = no restriction) and the criteria are combined with AND; within one set any member
 * matches.
 *
 * @param districts district adcodes
 * @param streets street (街镇) codes
 * @param grids grid (网格) codes
 * @param categories category names as the backend sends them, e.g. 道路积水
 * @param overdueOnly only cases the backend marked overdue
 * @param bbox the area a case's location must lie in, or null
 * @param text words that must all occur in the case's code, title, category or address (case
 *     insensitive; Chinese matched by characters)
 */
public record IncidentQuery(
    Set<IncidentStatus> statuses,
    Set<IncidentLevel> levels,
    Set<String> districts,
    Set<String> streets,
    Set<String> grids,
    Set<String> categories,
    Set<IncidentSource> sources,
    boolean overdueOnly,
    Bbox bbox,
    String text) {

  public IncidentQuery {
    statuses = Set.copyOf(statuses);
    levels = Set.copyOf(levels);
    districts = Set.copyOf(districts);
    streets = Set.copyOf(streets);
    grids = Set.copyOf(grids);
    categories = Set.copyOf(categories);
    sources = Set.copyOf(sources);
    text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }

  /** Every held incident. */
  public static IncidentQuery all() {
    return new IncidentQuery(
        Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, null, "");
  }

  /** Open cases only (every status but closed). */
  public static IncidentQuery open() {
    return all().withStatuses(openStatuses());
  }

  public IncidentQuery withStatuses(Set<IncidentStatus> value) {
    return new IncidentQuery(
        value, levels, districts, streets, grids, categories, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withLevels(Set<IncidentLevel> value) {
    return new IncidentQuery(
        statuses, value, districts, streets, grids, categories, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withDistricts(Set<String> value) {
    return new IncidentQuery(
        statuses, levels, value, streets, grids, categories, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withStreets(Set<String> value) {
    return new IncidentQuery(
        statuses, levels, districts, value, grids, categories, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withGrids(Set<String> value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, value, categories, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withCategories(Set<String> value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, grids, value, sources, overdueOnly, bbox, text);
  }

  public IncidentQuery withSources(Set<IncidentSource> value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, grids, categories, value, overdueOnly, bbox, text);
  }

  public IncidentQuery overdue(boolean value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, grids, categories, sources, value, bbox, text);
  }

  public IncidentQuery within(Bbox value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, grids, categories, sources, overdueOnly, value, text);
  }

  public IncidentQuery matching(String value) {
    return new IncidentQuery(
        statuses, levels, districts, streets, grids, categories, sources, overdueOnly, bbox, value);
  }

  private static Set<IncidentStatus> openStatuses() {
    var open = EnumSet.allOf(IncidentStatus.class);
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
