package com.cityops.app.indicators;

import com.cityops.api.Indicator;
import com.cityops.api.IndicatorHistory;
import com.cityops.api.IndicatorSample;
import com.cityops.api.IndicatorState;
import com.cityops.app.feed.BackendClient;
import com.cityops.app.fx.FxBridge;
import com.cityops.app.i18n.Messages;
import com.cityops.app.state.Freshness;
import com.cityops.themes.StyleClasses;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One indicator in detail, over the tiles: its current value, state, age and limits, and a history
 * chart over a chosen span (1 h / 6 h / 24 h / 7 d) with the warning and alarm limits drawn as
 * lines. The history is loaded from the backend on the panel's I/O thread and handed back through
 * the pulse door; an answer for a span or indicator no longer shown is dropped.
 *
 * <p>FX thread only (except the load itself).
 */
final class IndicatorDetail {
  private static final Logger LOG = LoggerFactory.getLogger(IndicatorDetail.class);
  private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  /** What a load brought: the samples, or why there are none. */
  private record Loaded(long request, IndicatorHistory history, String problem) {}

  private final Messages messages;
  private final Executor io;
  private final Supplier<BackendClient> backend;
  private final Supplier<Instant> backendNow;
  private final VBox root = new VBox(8);
  private final Label title = new Label();
  private final Label state = new Label();
  private final Label value = new Label();
  private final Label age = new Label();
  private final Label limits = new Label();
  private final Label status = new Label();
  private final NumberAxis time = new NumberAxis();
  private final NumberAxis values = new NumberAxis();
  private final LineChart<Number, Number> chart = new LineChart<>(time, values);
  private final ToggleGroup ranges = new ToggleGroup();
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private final FxBridge<Loaded> loadedBridge;
  private long request;
  private Indicator indicator;
  private HistoryRange range = HistoryRange.HOUR;

  /**
   * @param backendNow the backend's clock now (the chart ends there), null before data
   * @param onClose run when the operator closes the detail
   */
  IndicatorDetail(
      Messages messages,
      Executor io,
      Executor fxDoor,
      Supplier<BackendClient> backend,
      Supplier<Instant> backendNow,
      Runnable onClose) {
    this.messages = messages;
    this.io = io;
    this.backend = backend;
    this.backendNow = backendNow;
    this.loadedBridge = new FxBridge<>(fxDoor, () -> loaded.getAndSet(null), this::show);
    root.setId("indicator-detail");
    root.getStyleClass().add(IndicatorStyles.DETAIL);
    Button back = new Button(messages.get("indicator.detail.back"));
    back.setId("indicator-detail-close");
    back.setOnAction(e -> onClose.run());
    root.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            onClose.run();
          }
        });
    title.getStyleClass().add(IndicatorStyles.DETAIL_TITLE);
    title.setWrapText(true);
    state.getStyleClass().add(IndicatorStyles.STATE_BADGE);
    state.setId("indicator-detail-state");
    value.getStyleClass().add(IndicatorStyles.DETAIL_VALUE);
    value.setId("indicator-detail-value");
    age.getStyleClass().add(StyleClasses.MUTED);
    limits.getStyleClass().add(StyleClasses.MUTED);
    status.getStyleClass().add(StyleClasses.MUTED);
    status.setId("indicator-detail-status");
    status.setWrapText(true);
    HBox head = new HBox(8, back, state);
    head.setAlignment(Pos.CENTER_LEFT);
    HBox rangeBar = new HBox(4);
    rangeBar.setAlignment(Pos.CENTER_LEFT);
    for (HistoryRange r : HistoryRange.values()) {
      ToggleButton b = new ToggleButton(messages.get("indicator.range." + r.key()));
      b.setId("indicator-range-" + r.key());
      b.setToggleGroup(ranges);
      b.setUserData(r);
      b.setSelected(r == range);
      rangeBar.getChildren().add(b);
    }
    ranges
        .selectedToggleProperty()
        .addListener(
            (obs, was, now) -> {
              if (now == null) {
                was.setSelected(true); // one span is always chosen
                return;
              }
              range = (HistoryRange) now.getUserData();
              load();
            });
    chart.setId("indicator-chart");
    chart.getStyleClass().add(IndicatorStyles.CHART);
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    chart.setMinHeight(220);
    time.setAutoRanging(false);
    time.setForceZeroInRange(false);
    time.setMinorTickVisible(false);
    values.setForceZeroInRange(false);
    VBox.setVgrow(chart, Priority.ALWAYS);
    HBox valueRow = new HBox(10, value, age);
    valueRow.setAlignment(Pos.BASELINE_LEFT);
    root.getChildren().addAll(head, title, valueRow, limits, rangeBar, chart, status);
    root.setMinWidth(Region.USE_PREF_SIZE);
  }

  Node node() {
    return root;
  }

  /** The indicator shown, or null while closed. */
  String shownId() {
    return indicator == null ? null : indicator.id();
  }

  void open(Indicator shown, Freshness freshness, String ageText) {
    boolean other = indicator == null || !indicator.id().equals(shown.id());
    indicator = shown;
    title.setText(shown.name());
    limits.setText(IndicatorText.limits(messages, shown));
    refresh(shown, freshness, ageText);
    if (other) {
      load();
    }
    root.requestFocus();
  }

  void close() {
    indicator = null;
    request++;
  }

  /** The current value, state and age, as the tiles see them. */
  void refresh(Indicator current, Freshness freshness, String ageText) {
    indicator = current;
    value.setText(IndicatorText.value(current.value()) + " " + current.unit());
    IndicatorState s = current.state();
    state.setText(
        (IndicatorText.shape(s).isEmpty() ? "●" : IndicatorText.shape(s))
            + " "
            + IndicatorText.stateName(messages, s));
    StyleClasses.setState(
        state,
        switch (s) {
          case NORMAL -> StyleClasses.NORMAL;
          case WARNING -> StyleClasses.WARNING;
          case ALARM -> StyleClasses.ALARM;
        });
    StyleClasses.setFreshness(value, freshness.name().toLowerCase());
    age.setText(ageText);
  }

  private void load() {
    if (indicator == null) {
      return;
    }
    long mine = ++request;
    String id = indicator.id();
    BackendClient client = backend.get();
    Instant now = backendNow.get();
    Instant to = now != null ? now : indicator.ts();
    Instant from = to.minus(range.span());
    chart.getData().clear();
    setTimeAxis(from, to);
    if (client == null) {
      status.setText(messages.get("indicator.history.offline"));
      return;
    }
    status.setText(messages.get("indicator.history.loading"));
    try {
      io.execute(
          () -> {
            Loaded result;
            try {
              result = new Loaded(mine, client.history(id, from, to), null);
            } catch (RuntimeException e) {
              LOG.warn("history of {} from {} to {} failed", id, from, to, e);
              result = new Loaded(mine, null, e.getMessage());
            }
            loaded.set(result);
            loadedBridge.changed();
          });
    } catch (RejectedExecutionException e) {
      status.setText(messages.format("indicator.history.failed", "closed"));
    }
  }

  private void show(Loaded result) {
    if (result == null || result.request() != request || indicator == null) {
      return;
    }
    if (result.problem() != null) {
      status.setText(messages.format("indicator.history.failed", result.problem()));
      return;
    }
    IndicatorHistory history = result.history();
    setTimeAxis(history.from(), history.to());
    List<IndicatorSample> samples = HistoryRange.thin(history.samples(), HistoryRange.MAX_POINTS);
    XYChart.Series<Number, Number> series = new XYChart.Series<>();
    series.setName(indicator.name());
    for (IndicatorSample s : samples) {
      series.getData().add(new XYChart.Data<>(s.ts().toEpochMilli(), s.value()));
    }
    List<XYChart.Series<Number, Number>> all = new java.util.ArrayList<>();
    all.add(series);
    if (indicator.threshold() != null) {
      all.add(limitLine("indicator.state.warning", indicator.threshold().warning(), history));
      all.add(limitLine("indicator.state.alarm", indicator.threshold().alarm(), history));
    }
    chart.getData().setAll(all);
    mark(series, IndicatorStyles.CHART_VALUES);
    if (all.size() == 3) {
      mark(all.get(1), IndicatorStyles.CHART_WARNING);
      mark(all.get(2), IndicatorStyles.CHART_ALARM);
    }
    status.setText(
        history.samples().isEmpty()
            ? messages.get("indicator.history.empty")
            : messages.format("indicator.history.samples", history.samples().size()));
  }

  private XYChart.Series<Number, Number> limitLine(
      String key, double limit, IndicatorHistory history) {
    XYChart.Series<Number, Number> line = new XYChart.Series<>();
    line.setName(messages.get(key) + " " + IndicatorText.value(limit));
    line.getData().add(new XYChart.Data<>(history.from().toEpochMilli(), limit));
    line.getData().add(new XYChart.Data<>(history.to().toEpochMilli(), limit));
    return line;
  }

  /** The series' line carries a class of ours, so the themes colour values and limits apart. */
  private static void mark(XYChart.Series<Number, Number> series, String styleClass) {
    if (series.getNode() != null) {
      series.getNode().getStyleClass().add(styleClass);
    }
  }

  private void setTimeAxis(Instant from, Instant to) {
    long lo = from.toEpochMilli();
    long hi = to.toEpochMilli();
    time.setLowerBound(lo);
    time.setUpperBound(hi);
    time.setTickUnit(Math.max(1, (hi - lo) / 6.0));
    DateTimeFormatter f = range == HistoryRange.WEEK ? DAYS : HOURS;
    time.setTickLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Number millis) {
            return f.format(Instant.ofEpochMilli(millis.longValue()).atZone(CITY_ZONE));
          }

          @Override
          public Number fromString(String text) {
            throw new UnsupportedOperationException("axis labels are not parsed");
          }
        });
  }

  /** The samples shown on the chart (for tests). */
  int pointsShown() {
    return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
  }
}
