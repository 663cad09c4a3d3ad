package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorSample;
import com.cityops.api.IndicatorState;
import com.cityops.app.state.Freshness;
import com.cityops.themes.StyleClasses;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;

/**
 * One indicator's tile: state shape and name, value with unit and trend arrow, a sparkline of the
 * recent samples, the data age, a pin button; the state also as a coloured edge (CSS). Built once
 * per indicator and reused: updates only set what changed. Every child is unmanaged and placed once
 * at a fixed size, so a new value re-lays out its own label, never the panel (no layout storm with
 * hundreds of tiles updating several times a second).
 *
 * <p>FX thread only.
 */
final class IndicatorTile extends Region {
  static final double WIDTH = 184;
  static final double HEIGHT = 78;
  private static final double PAD = 8;
  private static final double SPARK_W = 96;
  private static final double SPARK_H = 20;
  private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
  private static final PseudoClass WAITING = PseudoClass.getPseudoClass("unacknowledged");
  private static final PseudoClass ACKNOWLEDGED = PseudoClass.getPseudoClass("acknowledged");

  private final String id;
  private final Label shape = new Label();
  private final Label name = new Label();
  private final Label value = new Label();
  private final Label unit = new Label();
  private final HBox valueRow = new HBox(4, value, unit);
  private final Label trend = new Label();
  private final Label age = new Label();
  private final Button pin = new Button();
  private final Polyline sparkline = new Polyline();

  private Indicator shown;
  private IndicatorState shownState;
  private Freshness shownFreshness;
  private String shownAlarmMark = "";

  IndicatorTile(Indicator indicator, String pinText) {
    this.id = indicator.id();
    setId("indicator-tile-" + indicator.id());
    getStyleClass().add(IndicatorStyles.TILE);
    setMinSize(WIDTH, HEIGHT);
    setPrefSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    shape.getStyleClass().add(IndicatorStyles.TILE_SHAPE);
    name.getStyleClass().add(IndicatorStyles.TILE_NAME);
    name.setTextOverrun(OverrunStyle.ELLIPSIS);
    name.setText(indicator.name());
    value.getStyleClass().add(IndicatorStyles.TILE_VALUE);
    value.setId("value-" + indicator.id());
    value.setMinWidth(Region.USE_PREF_SIZE);
    unit.getStyleClass().add(IndicatorStyles.TILE_UNIT);
    unit.setTextOverrun(OverrunStyle.ELLIPSIS);
    unit.setMinWidth(0);
    unit.setText(unitOf(indicator));
    valueRow.setAlignment(Pos.BASELINE_LEFT);
    trend.getStyleClass().add(IndicatorStyles.TILE_TREND);
    age.getStyleClass().add(IndicatorStyles.TILE_AGE);
    age.setAlignment(Pos.CENTER_RIGHT);
    sparkline.getStyleClass().add(IndicatorStyles.SPARKLINE);
    pin.getStyleClass().add(IndicatorStyles.PIN_BUTTON);
    pin.setFocusTraversable(false);
    pin.setTooltip(new Tooltip(pinText));
    pin.setId("pin-" + indicator.id());
    Tooltip.install(this, new Tooltip(indicator.name()));
    place(shape, PAD, 6, 16, 18);
    place(name, PAD + 16, 6, WIDTH - 2 * PAD - 16 - 24, 18);
    place(pin, WIDTH - PAD - 22, 4, 22, 20);
    // A layout root of its own: a longer value re-lays out this row only.
    place(valueRow, PAD, 25, WIDTH - 2 * PAD - 22, 28);
    place(trend, WIDTH - PAD - 20, 27, 20, 24);
    place(age, WIDTH - PAD - 70, HEIGHT - 22, 70, 16);
    sparkline.setManaged(false);
    sparkline.setLayoutX(PAD);
    sparkline.setLayoutY(HEIGHT - 24);
    getChildren().addAll(shape, name, pin, valueRow, trend, sparkline, age);
    // Not cached as an image: at 4 Hz nearly every tile changes between two redraws, and a cache
    // then costs a render into the image plus a copy (measured: painting 104 → 59 ms uncached).
    setPinned(false);
  }

  private static void place(Region node, double x, double y, double w, double h) {
    node.setManaged(false);
    node.resizeRelocate(x, y, w, h);
  }

  String indicatorId() {
    return id;
  }

  Indicator indicator() {
    return shown;
  }

  Button pinButton() {
    return pin;
  }

  /** Shows a new value (and its samples when they changed). */
  void show(Indicator indicator, List<IndicatorSample> samples, boolean samplesChanged) {
    if (shown == null || shown.value() != indicator.value()) {
      value.setText(IndicatorText.value(indicator.value()));
    }
    if (shown != null && !unitOf(shown).equals(unitOf(indicator))) {
      unit.setText(unitOf(indicator));
    }
    if (indicator.state() != shownState) {
      shownState = indicator.state();
      StyleClasses.setState(
          this,
          switch (shownState) {
            case NORMAL -> StyleClasses.NORMAL;
            case WARNING -> StyleClasses.WARNING;
            case ALARM -> StyleClasses.ALARM;
          });
      updateShape();
    }
    if (samplesChanged || shown == null) {
      String arrow = Trend.of(samples).arrow();
      if (!arrow.equals(trend.getText())) {
        trend.setText(arrow);
      }
      drawSparkline(samples);
    }
    shown = indicator;
  }

  private static String unitOf(Indicator indicator) {
    return indicator.unit() == null ? "" : indicator.unit();
  }

  /** Marks an alarm waiting for acknowledgement, acknowledged, or neither. */
  void setAlarmMark(boolean waiting, boolean acknowledged) {
    pseudoClassStateChanged(WAITING, waiting);
    pseudoClassStateChanged(ACKNOWLEDGED, acknowledged);
    String mark = acknowledged ? "✓" : "";
    if (!mark.equals(shownAlarmMark)) {
      shownAlarmMark = mark;
      updateShape();
    }
  }

  private void updateShape() {
    String text = IndicatorText.shape(shownState) + shownAlarmMark;
    if (!text.equals(shape.getText())) {
      shape.setText(text);
    }
  }

  void showAge(Freshness freshness, String text) {
    showFreshness(freshness);
    showAgeText(text);
  }

  void showAgeText(String text) {
    if (!text.equals(age.getText())) {
      age.setText(text);
    }
  }

  /** True when the tile does not yet show this freshness (its restyle is still to come). */
  boolean showsOtherFreshness(Freshness freshness) {
    return freshness != shownFreshness;
  }

  /** Restyles the tile for its data's freshness: a CSS pass over the tile, so callers spread it. */
  void showFreshness(Freshness freshness) {
    if (freshness != shownFreshness) {
      shownFreshness = freshness;
      StyleClasses.setFreshness(this, freshness.name().toLowerCase());
    }
  }

  void setPinned(boolean pinned) {
    pseudoClassStateChanged(PINNED, pinned);
    pin.setText(pinned ? "★" : "☆");
  }

  /** The samples scaled into the sparkline's box; a flat series draws mid-height. */
  private void drawSparkline(List<IndicatorSample> samples) {
    int n = samples.size();
    if (n < 2) {
      sparkline.getPoints().clear();
      return;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (IndicatorSample s : samples) {
      min = Math.min(min, s.value());
      max = Math.max(max, s.value());
    }
    double span = max - min;
    Double[] points = new Double[2 * n];
    for (int i = 0; i < n; i++) {
      double y =
          span == 0 ? SPARK_H / 2 : SPARK_H - (samples.get(i).value() - min) / span * SPARK_H;
      points[2 * i] = SPARK_W * i / (n - 1);
      points[2 * i + 1] = y;
    }
    sparkline.getPoints().setAll(points);
  }
}
