package com.cityops.app.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cityops.app.UiTestSupport;
import com.cityops.app.WallLayoutFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A wall in kiosk mode: the ordinary ways out do nothing, the pointer hides at rest, and the
 * administrator chord asks for the PIN (a wrong one is refused and said so).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KioskUiIT {
  private UiTestSupport.RunningApp running;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = UiTestSupport.tempDir();
    Path pin = Files.writeString(dir.resolve("kiosk-pin"), "8642\n");
    running =
        UiTestSupport.open(
            stage,
            "--demo",
            "--user",
            "wall",
            "--password",
            "wall",
            "--basemap",
            "none",
            "--data-dir",
            dir.toString(),
            "--wall",
            WallLayoutFiles.example("two-screens.json").toString(),
            "--kiosk",
            "--kiosk-pin-file",
            pin.toString());
  }

  @AfterEach
  void stop() {
    running.close();
  }

  private static Stage leftScreen() {
    return (Stage)
        Window.getWindows().stream()
            .filter(
                w ->
                    w instanceof Stage s && s.getTitle() != null && s.getTitle().endsWith("· left"))
            .findFirst()
            .orElseThrow();
  }

  private static <T> T onFx(java.util.function.Supplier<T> what) throws Exception {
    return CompletableFuture.supplyAsync(what, Platform::runLater).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theOrdinaryWaysOutDoNothingAndOnlyThePinLeaves(FxRobot robot) throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Window.getWindows().stream()
                    .anyMatch(
                        w ->
                            w instanceof Stage s
                                && s.getTitle() != null
                                && s.getTitle().endsWith("· left")
                                && s.isShowing()));
    Stage left = onFx(KioskUiIT::leftScreen);
    assertThat(onFx(() -> left.getScene().getCursor())).isEqualTo(Cursor.NONE);

    robot.targetWindow(left);
    robot.press(KeyCode.ALT).type(KeyCode.F4).release(KeyCode.ALT);
    robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
    robot.type(KeyCode.ESCAPE);
    onFx(
        () -> {
          left.fireEvent(new WindowEvent(left, WindowEvent.WINDOW_CLOSE_REQUEST));
          return null;
        });
    Thread.sleep(500);
    assertThat(onFx(left::isShowing))
        .as("the wall screen after Alt+F4, Ctrl+Q, Esc, close")
        .isTrue();

    robot.moveTo(left).moveBy(40, 30);
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> onFx(() -> left.getScene().getCursor()) != Cursor.NONE);
    await()
        .atMost((long) Kiosk.CURSOR_IDLE.toMillis() + 2000, TimeUnit.MILLISECONDS)
        .until(() -> onFx(() -> left.getScene().getCursor()) == Cursor.NONE);

    robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.Q);
    robot.release(KeyCode.SHIFT, KeyCode.ALT, KeyCode.CONTROL);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#kiosk-pin").tryQuery().isPresent());
    robot.clickOn("#kiosk-pin").write("1111");
    robot.clickOn("#kiosk-exit");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "PIN 不正确"
                    .equals(robot.lookup("#kiosk-pin-problem").queryAs(Label.class).getText()));
    assertThat(onFx(left::isShowing)).isTrue();
  }
}
