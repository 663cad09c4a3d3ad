package com.cityops.app.security;

import com.cityops.app.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Locks a workstation left idle (no key, mouse or touch input for {@code idleAfter}): the window's
 * content is hidden — not only covered, so no snapshot shows it — behind a pane that asks for the
 * operator's password; the right one unlocks. Data keeps flowing underneath, so the seat is up to
 * date when it unlocks. Not for walls: they are unattended by design and start without a lock.
 *
 * <p>FX thread only.
 */
public final class SessionLock {
  public static final String ID = "session-lock";

  private Messages messages;
  private final String user;
  private final byte[] secret;
  private final long idleNanos;
  private final LongSupplier nanoClock;
  private final BooleanProperty locked = new SimpleBooleanProperty();
  private final Timeline check;
  private long lastInput;
  private Node content;
  private StackPane pane;
  private PasswordField password;
  private Label problem;

  /**
   * @param password the password this session signed in with (compared in constant time)
   * @param nanoClock monotonic time ({@code System::nanoTime}; tests pass their own)
   */
  public SessionLock(
      Messages messages, String user, String password, Duration idleAfter, LongSupplier nanoClock) {
    this.messages = messages;
    this.user = user;
    this.secret = password.getBytes(StandardCharsets.UTF_8);
    this.idleNanos = idleAfter.toNanos();
    this.nanoClock = nanoClock;
    this.lastInput = nanoClock.getAsLong();
    check = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> lockIfIdle()));
    check.setCycleCount(Timeline.INDEFINITE);
    check.play();
  }

  /** Counts every input event of {@code scene} as activity (the scene outlives its roots). */
  public void watch(Scene scene) {
    scene.addEventFilter(InputEvent.ANY, this::activity);
  }

  /** {@code content} under the lock: use inside the watermark, as the window's root. */
  public Parent guard(Node content) {
    this.content = content;
    password = new PasswordField();
    password.setId("lock-password");
    password.setPromptText(messages.get("lock.password"));
    password.setMaxWidth(320);
    password.setOnAction(e -> tryUnlock());
    Button unlock = new Button(messages.get("lock.unlock"));
    unlock.setId("lock-unlock");
    unlock.setDefaultButton(true);
    unlock.setOnAction(e -> tryUnlock());
    problem = new Label();
    problem.setId("lock-problem");
    problem.getStyleClass().add("lock-problem");
    Label title = new Label(messages.get("lock.title"));
    title.getStyleClass().add("lock-title");
    Label who = new Label(messages.format("lock.who", user));
    who.getStyleClass().add("lock-who");
    VBox form = new VBox(14, title, who, password, unlock, problem);
    form.setAlignment(Pos.CENTER);
    pane = new StackPane(form);
    pane.setId(ID);
    pane.getStyleClass().add("session-lock");
    StackPane root = new StackPane(content, pane);
    show(locked.get());
    return root;
  }

  /**
   * The language of the panes {@link #guard} builds from now on (the window's language changed).
   */
  public void setMessages(Messages messages) {
    this.messages = messages;
  }

  public ReadOnlyBooleanProperty lockedProperty() {
    return locked;
  }

  /** Locks now (the operator leaves the seat: Ctrl+L, or the idle check). */
  public void lock() {
    if (!locked.get()) {
      locked.set(true);
      show(true);
    }
  }

  public void close() {
    check.stop();
  }

  private void activity(Event e) {
    if (!locked.get()) {
      lastInput = nanoClock.getAsLong();
    }
  }

  private void lockIfIdle() {
    if (!locked.get() && nanoClock.getAsLong() - lastInput >= idleNanos) {
      lock();
    }
  }

  private void tryUnlock() {
    byte[] given = password.getText().getBytes(StandardCharsets.UTF_8);
    password.clear();
    if (MessageDigest.isEqual(given, secret)) {
      locked.set(false);
      lastInput = nanoClock.getAsLong();
      problem.setText("");
      show(false);
    } else {
      problem.setText(messages.get("lock.wrong"));
    }
  }

  private void show(boolean on) {
    if (pane == null) {
      return;
    }
    pane.setVisible(on);
    pane.setManaged(on);
    content.setVisible(!on);
    if (on) {
      password.requestFocus();
    }
  }
}
