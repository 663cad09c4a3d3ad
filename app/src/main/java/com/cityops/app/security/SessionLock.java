package com.cityops.app.security;

import com.cityops.app.i18n.Messages;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * operator's password, or — after single sign-on — to sign on again at the provider as the same
 * person ({@link UnlockMethod}). Data keeps flowing underneath, so the seat is up to date when it
 * unlocks. Not for walls: they are unattended by design and start without a lock.
 *
 * <p>FX thread only.
 */
public final class SessionLock {
  public static final String ID = "session-lock";

  private Messages messages;
  private final String user;
  private final UnlockMethod method;
  private final Executor fx;
  private final long idleNanos;
  private final LongSupplier nanoClock;
  private final BooleanProperty locked = new SimpleBooleanProperty();
  private final Timeline check;
  private long lastInput;
  private Node content;
  private StackPane pane;
  private PasswordField password;
  private Label problem;
  private Button unlock;
  private boolean attempting;

  /**
   * @param method how the person proves who they are
   * @param fx where an attempt that completes later is applied (the app's FX pulse executor)
   * @param nanoClock monotonic time ({@code System::nanoTime}; tests pass their own)
   */
  public SessionLock(
      Messages messages,
      String user,
      UnlockMethod method,
      Executor fx,
      Duration idleAfter,
      LongSupplier nanoClock) {
    this.messages = messages;
    this.user = user;
    this.method = method;
    this.fx = fx;
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
    password.setVisible(method.asksForPassword());
    password.setManaged(method.asksForPassword());
    unlock = new Button(messages.get(method.asksForPassword() ? "lock.unlock" : "lock.sso"));
    unlock.setId("lock-unlock");
    unlock.setDefaultButton(true);
    unlock.setOnAction(e -> tryUnlock());
    problem = new Label();
    problem.setId("lock-problem");
    problem.getStyleClass().add("lock-problem");
    Label title = new Label(messages.get("lock.title"));
    title.getStyleClass().add("lock-title");
    Label who =
        new Label(messages.format(method.asksForPassword() ? "lock.who" : "lock.who.sso", user));
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
    if (attempting) {
      return;
    }
    String typed = password.getText();
    password.clear();
    CompletableFuture<UnlockMethod.Result> result;
    try {
      result = method.attempt(typed).toCompletableFuture();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (result.isDone()) {
      applied(result.getNow(null), null); // a password: no need to wait for a pulse
      return;
    }
    attempting = true;
    unlock.setDisable(true);
    problem.setText(messages.get("lock.sso.waiting"));
    result.whenComplete((r, failure) -> fx.execute(() -> applied(r, failure)));
  }

  private void applied(UnlockMethod.Result result, Throwable failure) {
    attempting = false;
    unlock.setDisable(false);
    if (failure == null && result.outcome() == UnlockMethod.Outcome.UNLOCKED) {
      locked.set(false);
      lastInput = nanoClock.getAsLong();
      problem.setText("");
      show(false);
      return;
    }
    if (failure != null) {
      problem.setText(messages.format("lock.failed", describe(failure)));
    } else {
      problem.setText(
          switch (result.outcome()) {
            case WRONG_PASSWORD -> messages.get("lock.wrong");
            case ANOTHER_PERSON -> messages.format("lock.another", result.detail());
            default -> messages.format("lock.failed", result.detail());
          });
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private void show(boolean on) {
    if (pane == null) {
      return;
    }
    pane.setVisible(on);
    pane.setManaged(on);
    content.setVisible(!on);
    if (on) {
      (method.asksForPassword() ? password : unlock).requestFocus();
    }
  }
}
