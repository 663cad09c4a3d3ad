package com.cityops.app.wall;

import com.cityops.app.i18n.Messages;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * "Freeze wall" for a briefing: each screen's picture is taken once and laid over it, with a small
 * note saying since when it is held; the panels underneath go on with live data, so letting go
 * shows the present at once, not a catch-up. FX thread only.
 */
final class WallFreeze {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Map<String, StackPane> content;
  private final Messages messages;
  private final Map<String, Node> held = new HashMap<>();

  WallFreeze(Map<String, StackPane> content, Messages messages) {
    this.content = content;
    this.messages = messages;
  }

  boolean frozen() {
    return !held.isEmpty();
  }

  /** Answers whether anything changed. */
  boolean set(boolean frozen, List<WallLayout.Screen> screens) {
    if (frozen == frozen()) {
      return false;
    }
    if (!frozen) {
      held.forEach((id, node) -> content.get(id).getChildren().remove(node));
      held.clear();
      return true;
    }
    String since = LocalTime.now().format(CLOCK);
    for (WallLayout.Screen screen : screens) {
      StackPane pane = content.get(screen.id());
      // exactly the screen: panels spanning screens reach beyond this one's edges
      javafx.scene.SnapshotParameters screenOnly = new javafx.scene.SnapshotParameters();
      screenOnly.setViewport(
          new javafx.geometry.Rectangle2D(0, 0, pane.getWidth(), pane.getHeight()));
      ImageView picture = new ImageView(pane.snapshot(screenOnly, null));
      Label note = new Label(messages.format("wall.frozen", since));
      note.getStyleClass().add("wall-frozen-note");
      StackPane.setAlignment(note, Pos.TOP_CENTER);
      StackPane.setMargin(note, new javafx.geometry.Insets(12, 0, 0, 0));
      StackPane over = new StackPane(picture, note);
      over.setId("wall-frozen-" + screen.id());
      over.setAlignment(Pos.TOP_LEFT);
      over.setMaxSize(pane.getWidth(), pane.getHeight());
      pane.getChildren().add(over);
      held.put(screen.id(), over);
    }
    return true;
  }
}
