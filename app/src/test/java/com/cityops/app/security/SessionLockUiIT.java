package com.cityops.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cityops.app.i18n.Messages;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An idle workstation locks, hides its content, and opens again only with the right password. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SessionLockUiIT {
  private final AtomicLong now = new AtomicLong();
  private SessionLock lock;
  private Region content;

  @Start
  void start(Stage stage) {
    lock =
        new SessionLock(
            Messages.forLanguage("zh-CN"),
            "operator",
            UnlockMethod.password("s3cret"),
            Platform::runLater,
            Duration.ofMinutes(10),
            now::get);
    content = new Region();
    content.setId("content");
    Scene scene = new Scene(lock.guard(content), 800, 600);
    lock.watch(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void locksWhenIdleAndUnlocksOnlyWithThePassword(FxRobot robot) {
    assertThat(content.isVisible()).isTrue();
    now.addAndGet(Duration.ofMinutes(9).toNanos());
    sleepOverACheck();
    assertThat(lock.lockedProperty().get()).isFalse();
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    sleepOverACheck();
    assertThat(lock.lockedProperty().get()).isTrue();
    assertThat(content.isVisible()).as("content hidden, not only covered").isFalse();
    assertThat(robot.lookup("#" + SessionLock.ID).query().isVisible()).isTrue();

    robot.clickOn("#lock-password").write("wrong").clickOn("#lock-unlock");
    assertThat(lock.lockedProperty().get()).isTrue();
    assertThat(robot.lookup("#lock-problem").queryAs(Label.class).getText()).contains("密码不正确");

    robot.clickOn("#lock-password").write("s3cret").clickOn("#lock-unlock");
    assertThat(lock.lockedProperty().get()).isFalse();
    assertThat(content.isVisible()).isTrue();
  }

  private static void sleepOverACheck() {
    WaitForAsyncUtils.sleep(1_300, java.util.concurrent.TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
