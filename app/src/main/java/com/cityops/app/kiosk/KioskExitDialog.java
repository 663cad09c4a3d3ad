package com.cityops.app.kiosk;

import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The administrator's PIN prompt over a kiosk window. FX thread only. */
final class KioskExitDialog {
  private static final Logger LOG = LoggerFactory.getLogger(KioskExitDialog.class);

  private final Stage stage = new Stage();

  KioskExitDialog(Stage owner, Messages messages, KioskExit exit, Runnable quit) {
    Label title = new Label(messages.get("kiosk.exit.title"));
    title.getStyleClass().add("lock-title");
    PasswordField pin = new PasswordField();
    pin.setId("kiosk-pin");
    pin.setPromptText(messages.get("kiosk.exit.prompt"));
    Label problem = new Label();
    problem.setId("kiosk-pin-problem");
    problem.getStyleClass().add("lock-problem");
    Button leave = new Button(messages.get("kiosk.exit.leave"));
    leave.setId("kiosk-exit");
    leave.setDefaultButton(true);
    Button stay = new Button(messages.get("kiosk.exit.stay"));
    stay.setCancelButton(true);
    stay.setOnAction(e -> stage.close());
    leave.setOnAction(
        e -> {
          KioskExit.Outcome outcome = exit.attempt(pin.getText());
          pin.clear();
          LOG.warn("kiosk: administrator exit attempted: {}", outcome);
          switch (outcome) {
            case EXIT -> {
              stage.close();
              quit.run();
            }
            case WRONG -> problem.setText(messages.get("kiosk.exit.wrong"));
            case LOCKED -> problem.setText(messages.get("kiosk.exit.locked"));
            case NO_PIN_SET -> problem.setText(messages.get("kiosk.exit.noPin"));
          }
        });
    HBox buttons = new HBox(12, stay, leave);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox box = new VBox(14, title, pin, problem, buttons);
    box.setId("kiosk-exit-dialog");
    box.getStyleClass().addAll(StyleClasses.PANEL, "session-lock");
    box.setStyle("-fx-padding: 28;");
    box.setPrefWidth(460);
    Scene scene = new Scene(box);
    scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.initStyle(StageStyle.UNDECORATED);
    stage.setAlwaysOnTop(true);
    stage.setScene(scene);
  }

  void show() {
    stage.show();
    stage.centerOnScreen();
  }
}
