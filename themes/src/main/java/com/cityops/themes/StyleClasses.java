package com.cityops.themes;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * The style-class and state names the stylesheets define, in one place. States are pseudo-classes;
 * {@link #setState} keeps exactly one of a family on a node, so a badge is never both live and
 * offline.
 */
public final class StyleClasses {
  public static final String SHELL = "shell";
  public static final String TOP_BAR = "top-bar";
  public static final String TOP_BAR_TITLE = "top-bar-title";
  public static final String PANEL = "panel";
  public static final String PANEL_TITLE = "panel-title";
  public static final String METRIC = "metric";
  public static final String METRIC_VALUE = "metric-value";
  public static final String METRIC_LABEL = "metric-label";
  public static final String STATUS_BADGE = "status-badge";
  public static final String MODE_BADGE = "mode-badge";
  public static final String LEVEL_BADGE = "level-badge";
  public static final String INCIDENT_ROW = "incident-row";

  // Incident detail (app.detail): sections, timeline steps (:reached, :current, :unreached),
  // outbox entries (:pending, :confirmed, :rejected).
  public static final String INCIDENT_DETAIL = "incident-detail";
  public static final String DETAIL_COLUMN = "detail-column";
  public static final String DETAIL_SCROLL = "detail-scroll";
  public static final String DETAIL_CONTENT = "detail-content";
  public static final String DETAIL_SECTION = "detail-section";
  public static final String DETAIL_SUBTITLE = "detail-subtitle";
  public static final String DETAIL_TITLE = "detail-title";
  public static final String DETAIL_CODE = "detail-code";
  public static final String DETAIL_STATUS = "detail-status";
  public static final String DETAIL_OVERDUE = "detail-overdue";
  public static final String DETAIL_FIELD_NAME = "detail-field-name";
  public static final String DETAIL_FIELD_VALUE = "detail-field-value";
  public static final String DETAIL_ACTION = "detail-action";
  public static final String DETAIL_FORM = "detail-form";
  public static final String DETAIL_HINT = "detail-hint";
  public static final String DETAIL_PROBLEM = "detail-problem";
  public static final String DETAIL_LINK = "detail-link";
  public static final String DETAIL_OUTBOX_ENTRY = "detail-outbox-entry";
  public static final String TIMELINE_STEP = "timeline-step";
  public static final String TIMELINE_MARKER = "timeline-marker";
  public static final String TIMELINE_STEP_NAME = "timeline-step-name";
  public static final String TIMELINE_ENTRY = "timeline-entry";
  public static final String ALERT_LINE = "alert-line";
  public static final String STATUS_LINE = "status-line";
  public static final String MUTED = "muted";
  public static final String CLOCK = "clock";

  // Workspace: one-box search, area breadcrumb, settings, detachable panels.
  public static final String SEARCH_FIELD = "search-field";
  public static final String SEARCH_POPUP = "search-popup";
  public static final String SEARCH_GROUP = "search-group";
  public static final String SEARCH_HIT = "search-hit";
  public static final String SCOPE_BAR = "scope-bar";
  public static final String SCOPE_CRUMB = "scope-crumb";
  public static final String SCOPE_SEPARATOR = "scope-separator";
  public static final String SETTINGS_MENU = "settings-menu";
  public static final String DETACH_BUTTON = "detach-button";
  public static final String PANEL_HEADER = "panel-header";
  public static final String USER_BADGE = "user-badge";

  // States (pseudo-classes).
  public static final String CONNECTING = "connecting";
  public static final String LIVE = "live";
  public static final String DEGRADED = "degraded";
  public static final String OFFLINE = "offline";
  public static final String STALE = "stale";
  public static final String REPLAY = "replay";
  public static final String NORMAL = "normal";
  public static final String WARNING = "warning";
  public static final String ALARM = "alarm";
  public static final String EMERGENCY = "emergency";

  /** Every state name, so setting one clears the others. */
  public static final List<String> STATES =
      List.of(
          CONNECTING,
          LIVE,
          DEGRADED,
          OFFLINE,
          STALE,
          REPLAY,
          NORMAL,
          WARNING,
          ALARM,
          EMERGENCY,
          "level-1",
          "level-2",
          "level-3",
          "level-4");

  private StyleClasses() {}

  /** The pseudo-class of a grade: level-1 (Ⅰ) … level-4 (Ⅳ). */
  public static String levelPseudoClass(int level) {
    if (level < 1 || level > 4) {
      throw new IllegalArgumentException("level must be 1–4, got " + level);
    }
    return "level-" + level;
  }

  /** The pseudo-class of a feed state name (CONNECTING, LIVE, DEGRADED, OFFLINE). */
  public static String feedPseudoClass(String feedState) {
    return feedState.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Freshness of a data item, independent of its state: {@code data-delayed}, {@code data-stale}.
   */
  public static final List<String> FRESHNESS = List.of("data-delayed", "data-stale");

  /**
   * Marks how current a data item is ({@code "delayed"}, {@code "stale"}; {@code "live"} or null
   * clears the mark). Kept apart from {@link #setState}: an alarm can also be stale.
   */
  public static void setFreshness(Node node, String freshness) {
    String wanted = freshness == null ? null : "data-" + freshness;
    for (String s : FRESHNESS) {
      node.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(wanted));
    }
  }

  /** Puts {@code state} on the node and removes every other state. */
  public static void setState(Node node, String state) {
    for (String s : STATES) {
      node.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(state));
    }
  }
}
