package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The queue's cells. Those that change with time (the running clock, the new marker) listen to the
 * model's one-second tick, so each tick touches only the cells that exist — the visible rows — and
 * never the 10,000 rows behind them.
 *
 * <p>FX thread only.
 */
final class QueueCells {
  static final PseudoClass NEW_CASE = PseudoClass.getPseudoClass("new-case");
  static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

  private QueueCells() {}

  /** Plain text from the case. */
  static final class Text extends TableCell<Incident, Incident> {
    private final Function<Incident, String> text;

    Text(Function<Incident, String> text) {
      this.text = text;
    }

    @Override
    protected void updateItem(Incident incident, boolean empty) {
      super.updateItem(incident, empty);
      setText(empty || incident == null ? null : text.apply(incident));
    }
  }

  /** The grade: the Roman numeral on the grade's colour, and a fading dot while the case is new. */
  static final class Level extends TableCell<Incident, Incident> {
    private final Label badge = new Label();
    private final Label marker = new Label("●");
    private final HBox box = new HBox(4, marker, badge);
    private final Tooltip tooltip = new Tooltip();
    private final IncidentQueueModel model;
    private final Messages messages;
    private final InvalidationListener onTick = o -> fade();

    Level(IncidentQueueModel model, Messages messages) {
      this.model = model;
      this.messages = messages;
      badge.getStyleClass().add(StyleClasses.LEVEL_BADGE);
      marker.getStyleClass().add(QueueStyles.NEW_MARKER);
      model.nowProperty().addListener(new WeakInvalidationListener(onTick));
    }

    @Override
    protected void updateItem(Incident incident, boolean empty) {
      super.updateItem(incident, empty);
      if (empty || incident == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      badge.setText(incident.level().roman());
      StyleClasses.setState(badge, StyleClasses.levelPseudoClass(incident.level().code()));
      setGraphic(box);
      tooltip.setText(messages.get("level." + incident.level().code()));
      setTooltip(tooltip);
      fade();
    }

    private void fade() {
      Incident incident = getItem();
      double newness = incident == null || isEmpty() ? 0 : model.newness(incident.id());
      marker.setOpacity(newness);
      TableRow<?> row = getTableRow();
      if (row != null) {
        row.pseudoClassStateChanged(NEW_CASE, newness > 0);
      }
    }
  }

  /**
   * The running clock as a countdown: ○ calm, ▲ under a quarter left, ■ run out (with escalation).
   */
  static final class Countdown extends TableCell<Incident, Incident> {
    private final IncidentQueueModel model;
    private final CaseClocks clocks;
    private final Messages messages;
    private final InvalidationListener onTick = o -> show();

    Countdown(IncidentQueueModel model, CaseClocks clocks, Messages messages) {
      this.model = model;
      this.clocks = clocks;
      this.messages = messages;
      getStyleClass().add(QueueStyles.COUNTDOWN);
      model.nowProperty().addListener(new WeakInvalidationListener(onTick));
    }

    @Override
    protected void updateItem(Incident incident, boolean empty) {
      super.updateItem(incident, empty);
      show();
    }

    private void show() {
      Incident incident = getItem();
      Instant now = model.nowProperty().get();
      if (isEmpty() || incident == null || now == null) {
        setText(null);
        StyleClasses.setState(this, null);
        pseudo(false);
        return;
      }
      RunningClock clock = clocks.running(incident);
      boolean overdue = clocks.overdue(incident, now);
      pseudo(overdue);
      // The tier it went to is in the tier column; the arrow here says the clock caused it.
      String escalation = clocks.escalated(incident, now) ? " ↑" : "";
      if (clock == null) {
        setText(overdue ? "■ " + messages.get("queue.clock.overdue") + escalation : "—");
        StyleClasses.setState(this, overdue ? StyleClasses.ALARM : null);
        return;
      }
      String step = messages.get("queue.clock." + clock.kind().name().toLowerCase());
      Duration left = clock.remaining(now);
      switch (clock.urgency(now)) {
        case CALM -> {
          setText("○ " + step + " " + countdown(left));
          StyleClasses.setState(this, overdue ? StyleClasses.ALARM : StyleClasses.NORMAL);
        }
        case AMBER -> {
          setText("▲ " + step + " " + countdown(left));
          StyleClasses.setState(this, StyleClasses.WARNING);
        }
        case RUN_OUT -> {
          setText(
              "■ "
                  + messages.format("queue.clock.runout", step)
                  + " "
                  + countdown(left.negated())
                  + escalation);
          StyleClasses.setState(this, StyleClasses.ALARM);
        }
      }
    }

    private void pseudo(boolean overdue) {
      TableRow<?> row = getTableRow();
      if (row != null) {
        row.pseudoClassStateChanged(OVERDUE, overdue);
      }
    }
  }

  /**
   * Who owns the case: its own tier, or — once a clock ran out — "↑" and the next tier up, as the
   * three-level platform escalates an unmet deadline.
   */
  static final class Tier extends TableCell<Incident, Incident> {
    private final IncidentQueueModel model;
    private final CaseClocks clocks;
    private final Messages messages;
    private final InvalidationListener onTick = o -> show();

    Tier(IncidentQueueModel model, CaseClocks clocks, Messages messages) {
      this.model = model;
      this.clocks = clocks;
      this.messages = messages;
      model.nowProperty().addListener(new WeakInvalidationListener(onTick));
    }

    @Override
    protected void updateItem(Incident incident, boolean empty) {
      super.updateItem(incident, empty);
      show();
    }

    private void show() {
      Incident incident = getItem();
      Instant now = model.nowProperty().get();
      if (isEmpty() || incident == null || now == null) {
        setText(null);
        StyleClasses.setState(this, null);
        return;
      }
      boolean escalated = clocks.escalated(incident, now);
      String tier = messages.get("queue.tier." + clocks.tier(incident, now).name().toLowerCase());
      setText(escalated ? "↑ " + tier : tier);
      StyleClasses.setState(this, escalated ? StyleClasses.ALARM : null);
    }
  }

  /**
   * 42 s → 00:42, 1 h 5 min → 1:05:00, 3 days → 3d 02:00:00 (digits read the same in zh and en).
   */
  static String countdown(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    long h = s % 86_400 / 3_600;
    long m = s % 3_600 / 60;
    long sec = s % 60;
    if (days > 0) {
      return String.format("%dd %02d:%02d:%02d", days, h, m, sec);
    }
    return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
  }
}
