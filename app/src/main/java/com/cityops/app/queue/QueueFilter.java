package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.api.IncidentSource;
import com.cityops.api.IncidentStatus;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.state.IncidentQuery;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the operator narrowed the queue to. Empty sets and null codes mean no restriction; the queue
 * only ever shows open cases, so an empty status set means every open stage.
 *
 * @param district a district adcode, or null
 * @param street a street code, or null
 * @param text words that must all occur in the code, title or address
 * @param scope the workbench's drill-down area
 */
public record QueueFilter(
    Set<IncidentLevel> levels,
    Set<String> categories,
    Set<IncidentStatus> statuses,
    String district,
    String street,
    Set<IncidentSource> sources,
    boolean overdueOnly,
    String text,
    AreaScope scope) {

  public static final QueueFilter NONE =
      new QueueFilter(
          Set.of(), Set.of(), Set.of(), null, null, Set.of(), false, "", AreaScope.CITY);

  public QueueFilter {
    levels = Set.copyOf(levels);
    categories = Set.copyOf(categories);
    statuses = Set.copyOf(statuses);
    sources = Set.copyOf(sources);
    text = text == null ? "" : text.strip();
    scope = scope == null ? AreaScope.CITY : scope;
  }

  /** The open stages shown: the chosen ones, or all open ones. */
  public Set<IncidentStatus> shownStatuses() {
    if (!statuses.isEmpty()) {
      return statuses;
    }
    EnumSet<IncidentStatus> open = EnumSet.allOf(IncidentStatus.class);
    open.remove(IncidentStatus.CLOSED);
    return open;
  }

  /**
   * The part of this filter the state's index answers (every open stage, so the header can count
   * all stages; levels, district, text); {@link #admits} checks the rest.
   */
  public IncidentQuery indexQuery() {
    IncidentQuery q = IncidentQuery.open().withLevels(levels).matching(text);
    String districtCode =
        district != null
            ? district
            : scope.level() == AreaScope.Level.DISTRICT ? scope.code() : null;
    return districtCode == null ? q : q.withDistricts(Set.of(districtCode));
  }

  /**
   * Whether a case the index returned passes the criteria the index does not know (category,
   * source, street, scope, overdue); the stage is left to the caller (it counts every stage).
   */
  public boolean admits(Incident incident, CaseClocks clocks, Instant now) {
    if (!categories.isEmpty() && !categories.contains(incident.category())) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(incident.source())) {
      return false;
    }
    if (street != null
        && (incident.location() == null || !street.equals(incident.location().streetCode()))) {
      return false;
    }
    if (scope.level() != AreaScope.Level.CITY
        && (incident.location() == null || !scope.contains(incident.location()))) {
      return false;
    }
    if (district != null
        && (incident.location() == null || !district.equals(incident.location().districtCode()))) {
      return false;
    }
    return !overdueOnly || clocks.overdue(incident, now);
  }

  public QueueFilter withLevels(Set<IncidentLevel> value) {
    return new QueueFilter(
        value, categories, statuses, district, street, sources, overdueOnly, text, scope);
  }

  public QueueFilter withCategories(Set<String> value) {
    return new QueueFilter(
        levels, value, statuses, district, street, sources, overdueOnly, text, scope);
  }

  public QueueFilter withStatuses(Set<IncidentStatus> value) {
    return new QueueFilter(
        levels, categories, value, district, street, sources, overdueOnly, text, scope);
  }

  /** A district (its streets are no longer restricted), or null for all. */
  public QueueFilter withDistrict(String value) {
    return new QueueFilter(
        levels, categories, statuses, value, null, sources, overdueOnly, text, scope);
  }

  public QueueFilter withStreet(String value) {
    return new QueueFilter(
        levels, categories, statuses, district, value, sources, overdueOnly, text, scope);
  }

  public QueueFilter withSources(Set<IncidentSource> value) {
    return new QueueFilter(
        levels, categories, statuses, district, street, value, overdueOnly, text, scope);
  }

  public QueueFilter withOverdueOnly(boolean value) {
    return new QueueFilter(
        levels, categories, statuses, district, street, sources, value, text, scope);
  }

  public QueueFilter withText(String value) {
    return new QueueFilter(
        levels, categories, statuses, district, street, sources, overdueOnly, value, scope);
  }

  public QueueFilter withScope(AreaScope value) {
    return new QueueFilter(
        levels, categories, statuses, district, street, sources, overdueOnly, text, value);
  }
}
