package com.cityops.app.indicators;

/** Style-class names of the indicator panel (rules in the themes' base.css, "Indicator tiles"). */
final class IndicatorStyles {
  static final String PANEL = "indicator-panel";
  static final String TOOLBAR = "indicator-toolbar";
  static final String SECTION = "indicator-section";
  static final String SECTION_TITLE = "indicator-section-title";
  static final String TILES = "indicator-tiles";
  static final String TILE = "indicator-tile";
  static final String TILE_SHAPE = "indicator-tile-shape";
  static final String TILE_NAME = "indicator-tile-name";
  static final String TILE_VALUE = "indicator-tile-value";
  static final String TILE_UNIT = "indicator-tile-unit";
  static final String TILE_TREND = "indicator-tile-trend";
  static final String TILE_AGE = "indicator-tile-age";
  static final String SPARKLINE = "indicator-sparkline";
  static final String PIN_BUTTON = "indicator-pin";
  static final String ALARM_BANNER = "indicator-alarm-banner";
  static final String ALARM_TITLE = "indicator-alarm-title";
  static final String ALARM_ROW = "indicator-alarm-row";
  static final String DETAIL = "indicator-detail";
  static final String DETAIL_TITLE = "indicator-detail-title";
  static final String DETAIL_VALUE = "indicator-detail-value";
  static final String CHART = "indicator-chart";
  static final String CHART_VALUES = "indicator-chart-values";
  static final String CHART_WARNING = "indicator-chart-warning";
  static final String CHART_ALARM = "indicator-chart-alarm";
  static final String STATE_BADGE = "indicator-state-badge";
  static final String EMPTY = "indicator-empty";

  private IndicatorStyles() {}
}
