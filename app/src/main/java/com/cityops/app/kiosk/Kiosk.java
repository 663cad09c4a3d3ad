package com.cityops.app.kiosk;

import com.cityops.app.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --kiosk}: the app's windows as a wall or an unattended seat needs them. Nobody closes them
 * by accident (close requests, Alt+F4, Ctrl+Q/W, Esc and F11 do nothing; {@link #ADMIN_CHORD} asks
 * for the administrator's PIN and only that exits), the pointer hides when it rests, and the
 * picture moves by a pixel or two now and then so that nothing stands still on a panel for weeks
 * (burn-in). FX thread only.
 */
public final class Kiosk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);

  /** The administrator's way out: Ctrl+Alt+Shift+Q, then the PIN. */
  public static final KeyCombination ADMIN_CHORD =
      new KeyCodeCombination(
          KeyCode.Q,
          KeyCombination.CONTROL_DOWN,
          KeyCombination.ALT_DOWN,
          KeyCombination.SHIFT_DOWN);

  static final Duration CURSOR_IDLE = Duration.seconds(3);
  static final Duration SHIFT_EVERY = Duration.minutes(10);

  /** The orbit of the burn-in shift, in pixels: never more than 2 px from where it belongs. */
  static final int[][] ORBIT = {
    {0, 0}, {2, 0}, {2, 2}, {0, 2}, {-2, 2}, {-2, 0}, {-2, -2}, {0, -2}
  };

  private static final List<KeyCombination> EXIT_KEYS =
      List.of(
          new KeyCodeCombination(KeyCode.F4, KeyCombination.ALT_DOWN),
          new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
          new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
          new KeyCodeCombination(KeyCode.ESCAPE),
          new KeyCodeCombination(KeyCode.F11));

  private final Messages messages;
  private final KioskExit exit;
  private final Runnable quit;
  private final List<Scene> scenes = new ArrayList<>();
  private final Timeline shift;
  private int shiftStep;

  /**
   * @param quit leaves the app (the PIN was right)
   */
  public Kiosk(Messages messages, KioskExit exit, Runnable quit) {
    this.messages = messages;
    this.exit = exit;
    this.quit = quit;
    shift = new Timeline(new KeyFrame(SHIFT_EVERY, e -> shiftAll()));
    shift.setCycleCount(Animation.INDEFINITE);
    shift.play();
  }

  /** Guards one window: full screen unless it is a wall screen (already the screen's size). */
  public void guard(Stage stage, boolean fullScreen) {
    Scene scene = stage.getScene();
    scenes.add(scene);
    stage.setOnCloseRequest(
        e -> {
          LOG.info("kiosk: a request to close '{}' was ignored", stage.getTitle());
          e.consume();
        });
    if (fullScreen) {
      stage.setFullScreenExitHint("");
      stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
      stage.setFullScreen(true);
    }
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> key(stage, e));
    PauseTransition idle = new PauseTransition(CURSOR_IDLE);
    idle.setOnFinished(e -> scene.setCursor(Cursor.NONE));
    scene.addEventFilter(
        MouseEvent.ANY,
        e -> {
          if (scene.getCursor() == Cursor.NONE) {
            scene.setCursor(Cursor.DEFAULT);
          }
          idle.playFromStart();
        });
    scene.setCursor(Cursor.NONE);
  }

  private void key(Stage stage, KeyEvent e) {
    if (ADMIN_CHORD.match(e)) {
      e.consume();
      new KioskExitDialog(stage, messages, exit, quit).show();
      return;
    }
    for (KeyCombination keys : EXIT_KEYS) {
      if (keys.match(e)) {
        LOG.info("kiosk: {} ignored", keys.getDisplayText());
        e.consume();
        return;
      }
    }
  }

  private void shiftAll() {
    shiftStep = (shiftStep + 1) % ORBIT.length;
    for (Scene scene : scenes) {
      scene.getRoot().setTranslateX(ORBIT[shiftStep][0]);
      scene.getRoot().setTranslateY(ORBIT[shiftStep][1]);
    }
  }

  /** How far the picture is shifted now (tests). */
  int[] shifted() {
    return ORBIT[shiftStep];
  }

  @Override
  public void close() {
    shift.stop();
  }
}
