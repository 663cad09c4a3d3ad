package com.cityops.app.shell;

import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A panel that can leave the main window for a window of its own — on the next monitor when there
 * is one — and come back when that window closes. The main window keeps a placeholder saying where
 * the panel went. The detached window follows the main scene's theme.
 *
 * <p>FX thread only.
 */
final class DetachablePanel {
  private final String id;
  private final Node content;
  private final StackPane holder = new StackPane();
  private final Messages messages;
  private final LayoutMemory memory;
  private final String title;
  private Stage window;

  private final java.util.function.UnaryOperator<javafx.scene.Parent> windowRoot;

  DetachablePanel(
      String id,
      String title,
      Node content,
      Messages messages,
      LayoutMemory memory,
      java.util.function.UnaryOperator<javafx.scene.Parent> windowRoot) {
    this.windowRoot = windowRoot;
    this.id = id;
    this.title = title;
    this.content = content;
    this.messages = messages;
    this.memory = memory;
    holder.getChildren().add(content);
    holder.setMinSize(0, 0);
  }

  /** Where the panel sits in the main window (the content, or a placeholder while detached). */
  Node holder() {
    return holder;
  }

  /** The button that sends the panel to its own window. */
  Button detachButton() {
    Button detach = new Button(messages.get("layout.detach") + " ↗");
    detach.setId("detach-" + id);
    detach.getStyleClass().add(StyleClasses.DETACH_BUTTON);
    detach.setOnAction(e -> detach());
    return detach;
  }

  /** Opens the remembered window once the main window is on screen. */
  void restore() {
    if (memory.detached(id) && window == null) {
      detach();
    }
  }

  boolean isDetached() {
    return window != null;
  }

  void detach() {
    Scene main = holder.getScene();
    if (window != null || main == null) {
      return;
    }
    Label placeholder = new Label(messages.format("layout.detached", title));
    placeholder.getStyleClass().add(StyleClasses.MUTED);
    holder.getChildren().setAll(placeholder);
    BorderPane root = new BorderPane(content);
    root.getStyleClass().add(StyleClasses.SHELL);
    Scene scene = new Scene(windowRoot.apply(root), 1280, 800);
    scene.getStylesheets().setAll(main.getStylesheets());
    ListChangeListener<String> follow = c -> scene.getStylesheets().setAll(main.getStylesheets());
    main.getStylesheets().addListener(follow);
    Stage stage = new Stage();
    stage.setTitle(title);
    stage.setScene(scene);
    Rectangle2D where = nextScreen(main.getWindow());
    stage.setX(where.getMinX() + 40);
    stage.setY(where.getMinY() + 40);
    stage.setWidth(Math.min(1280, where.getWidth() - 80));
    stage.setHeight(Math.min(860, where.getHeight() - 80));
    stage.setOnHidden(
        e -> {
          main.getStylesheets().removeListener(follow);
          root.setCenter(null);
          holder.getChildren().setAll(content);
          window = null;
          if (!closing) {
            memory.setDetached(id, false);
          }
        });
    window = stage;
    memory.setDetached(id, true);
    stage.show();
  }

  private boolean closing;

  /** Closes the detached window without forgetting that the operator wanted it (app shutdown). */
  void closeKeepingChoice() {
    closing = true;
    if (window != null) {
      window.hide();
    }
    closing = false;
  }

  /** The visual bounds of the monitor after the one showing {@code owner}, or of that one. */
  private static Rectangle2D nextScreen(Window owner) {
    List<Screen> screens = Screen.getScreens();
    Rectangle2D ownerBounds =
        owner == null
            ? Screen.getPrimary().getVisualBounds()
            : new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
    List<Screen> under =
        Screen.getScreensForRectangle(
            ownerBounds.getMinX(), ownerBounds.getMinY(), ownerBounds.getWidth(), 1);
    Screen current = under.isEmpty() ? Screen.getPrimary() : under.get(0);
    int at = screens.indexOf(current);
    Screen next = screens.size() > 1 ? screens.get((at + 1) % screens.size()) : current;
    return next.getVisualBounds();
  }
}
