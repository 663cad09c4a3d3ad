package com.cityops.app.indicators;

import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert strip over the tiles: how many indicator alarms wait for acknowledgement, the newest
 * few with their values (a click opens the indicator, 确认 acknowledges it), and 全部确认. Hidden while
 * nothing waits. Rebuilt only when the waiting alarms change.
 *
 * <p>FX thread only.
 */
final class AlarmBanner {
  static final int ROWS = 3;

  private final Messages messages;
  private final VBox root = new VBox(4);
  private final Label title = new Label();
  private final VBox rows = new VBox(2);
  private final Consumer<String> acknowledge;
  private final Consumer<String> open;
  private List<AlarmBoard.Raised> shown = List.of();

  AlarmBanner(
      Messages messages,
      Consumer<String> acknowledge,
      Runnable acknowledgeAll,
      Consumer<String> open) {
    this.messages = messages;
    this.acknowledge = acknowledge;
    this.open = open;
    root.setId("indicator-alarm-banner");
    root.getStyleClass().add(IndicatorStyles.ALARM_BANNER);
    StyleClasses.setState(root, StyleClasses.ALARM);
    title.setId("indicator-alarm-count");
    title.getStyleClass().add(IndicatorStyles.ALARM_TITLE);
    Button all = new Button(messages.get("indicator.alarm.ackAll"));
    all.setId("indicator-alarm-ack-all");
    all.setOnAction(e -> acknowledgeAll.run());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(8, title, gap, all);
    head.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(head, rows);
    setVisible(false);
  }

  Node node() {
    return root;
  }

  void show(List<AlarmBoard.Raised> waiting) {
    if (waiting.equals(shown)) {
      return;
    }
    shown = waiting;
    setVisible(!waiting.isEmpty());
    title.setText(messages.format("indicator.alarm.count", waiting.size()));
    rows.getChildren().clear();
    for (AlarmBoard.Raised r : waiting.subList(0, Math.min(ROWS, waiting.size()))) {
      var i = r.indicator();
      Hyperlink name =
          new Hyperlink("◆ " + i.name() + "  " + IndicatorText.value(i.value()) + " " + i.unit());
      name.setOnAction(e -> open.accept(i.id()));
      name.setMaxWidth(Double.MAX_VALUE);
      name.setMinWidth(0);
      HBox.setHgrow(name, Priority.ALWAYS);
      Button ack = new Button(messages.get("indicator.alarm.ack"));
      ack.setId("indicator-alarm-ack-" + i.id());
      ack.setMinWidth(Region.USE_PREF_SIZE);
      ack.setOnAction(e -> acknowledge.accept(i.id()));
      HBox row = new HBox(6, name, ack);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add(IndicatorStyles.ALARM_ROW);
      rows.getChildren().add(row);
    }
    if (waiting.size() > ROWS) {
      Label more = new Label(messages.format("indicator.alarm.more", waiting.size() - ROWS));
      more.getStyleClass().add(StyleClasses.MUTED);
      rows.getChildren().add(more);
    }
  }

  private void setVisible(boolean on) {
    root.setVisible(on);
    root.setManaged(on);
  }
}
