package com.cityops.app.queue;

import com.cityops.api.Incident;
import com.cityops.api.IncidentLevel;
import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The banner under the top bar while a major case (Ⅰ, Ⅱ) waits for acknowledgement: its grade,
 * code, title and place, how many more wait, and buttons to look at it, acknowledge it or all, and
 * to mute the tone. Hidden (and taking no space) while nothing waits. Also builds the sound menu
 * (mute, per-grade tone on/off and choice) the queue header carries.
 *
 * <p>FX thread only.
 */
final class AnnounceBanner {
  private final IncidentQueue queue;
  private final Messages messages;
  private final HBox box;
  private final Label grade = new Label();
  private final Label text = new Label();
  private final Label more = new Label();
  private final ToggleButton mute;

  AnnounceBanner(IncidentQueue queue, Messages messages) {
    this.queue = queue;
    this.messages = messages;
    grade.getStyleClass().add(StyleClasses.LEVEL_BADGE);
    grade.setMinWidth(Region.USE_PREF_SIZE);
    text.getStyleClass().add(QueueStyles.BANNER_TEXT);
    text.setId("announce-text");
    more.getStyleClass().add(StyleClasses.MUTED);
    more.setMinWidth(Region.USE_PREF_SIZE);
    Button look = new Button(messages.get("announce.show"));
    look.setId("announce-show");
    look.setOnAction(
        e -> {
          Incident shown = queue.announcer().shown();
          if (shown != null) {
            queue.select(shown.id());
          }
        });
    Button ack = new Button(messages.get("announce.ack"));
    ack.setId("announce-ack");
    ack.setDefaultButton(false);
    ack.setOnAction(
        e -> {
          Incident shown = queue.announcer().shown();
          if (shown != null) {
            queue.announcer().acknowledge(shown.id());
          }
        });
    Button ackAll = new Button(messages.get("announce.ackAll"));
    ackAll.setId("announce-ack-all");
    ackAll.setOnAction(e -> queue.announcer().acknowledgeAll());
    mute = new ToggleButton();
    mute.setId("announce-mute");
    mute.setOnAction(
        e -> queue.changeSettings(queue.announcer().settings().withMuted(mute.isSelected())));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox.setHgrow(text, Priority.SOMETIMES);
    box = new HBox(10, grade, text, more, gap, look, ack, ackAll, mute);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add(QueueStyles.BANNER);
    box.setId("announce-banner");
    queue.announcer().onChange(this::refresh);
    refresh();
  }

  Node node() {
    return box;
  }

  private void refresh() {
    Incident shown = queue.announcer().shown();
    boolean muted = queue.announcer().settings().muted();
    mute.setSelected(muted);
    mute.setText(messages.get(muted ? "announce.muted" : "announce.mute"));
    box.setVisible(shown != null);
    box.setManaged(shown != null);
    if (shown == null) {
      return;
    }
    StyleClasses.setState(box, StyleClasses.levelPseudoClass(shown.level().code()));
    grade.setText(
        "■ " + shown.level().roman() + " " + messages.get("level.name." + shown.level().code()));
    StyleClasses.setState(grade, StyleClasses.levelPseudoClass(shown.level().code()));
    text.setText(
        shown.code()
            + " · "
            + shown.title()
            + (shown.location() == null ? "" : " · " + shown.location().address()));
    int others = queue.announcer().waitingCount() - 1;
    more.setText(others > 0 ? messages.format("announce.more", others) : "");
  }

  /** Mute, and per grade: tone on/off and which tone; every change is saved for the operator. */
  static MenuButton soundMenu(IncidentQueue queue, Messages messages) {
    MenuButton menu = new MenuButton(messages.get("announce.sound"));
    menu.setId("announce-sound-menu");
    CheckMenuItem mute = new CheckMenuItem(messages.get("announce.mute"));
    mute.setId("announce-menu-mute");
    mute.setOnAction(
        e -> queue.changeSettings(queue.announcer().settings().withMuted(mute.isSelected())));
    menu.getItems().addAll(mute, new SeparatorMenuItem());
    for (IncidentLevel level : IncidentLevel.values()) {
      if (!AnnounceSettings.announces(level)) {
        continue;
      }
      Menu grade = new Menu(messages.format("announce.grade", level.roman()));
      CheckMenuItem on = new CheckMenuItem(messages.get("announce.grade.on"));
      ToggleGroup tones = new ToggleGroup();
      on.setOnAction(
          e -> {
            AnnounceSettings s = queue.announcer().settings();
            queue.changeSettings(
                s.withSound(
                    level,
                    new AnnounceSettings.GradeSound(on.isSelected(), s.sound(level).tone())));
          });
      grade.getItems().addAll(on, new SeparatorMenuItem());
      for (Tone tone : Tone.values()) {
        RadioMenuItem item =
            new RadioMenuItem(messages.get("announce.tone." + tone.name().toLowerCase()));
        item.setToggleGroup(tones);
        item.setUserData(tone);
        item.setOnAction(
            e -> {
              AnnounceSettings s = queue.announcer().settings();
              queue.changeSettings(
                  s.withSound(
                      level, new AnnounceSettings.GradeSound(s.sound(level).enabled(), tone)));
            });
        grade.getItems().add(item);
      }
      menu.getItems().add(grade);
      menu.setOnShowing(
          e -> {
            AnnounceSettings s = queue.announcer().settings();
            mute.setSelected(s.muted());
            for (var m : menu.getItems()) {
              if (m instanceof Menu g) {
                IncidentLevel l = IncidentLevel.valueOf(g.getUserData().toString());
                for (var it : g.getItems()) {
                  if (it instanceof CheckMenuItem c) {
                    c.setSelected(s.sound(l).enabled());
                  } else if (it instanceof RadioMenuItem r) {
                    r.setSelected(r.getUserData() == s.sound(l).tone());
                  }
                }
              }
            }
          });
      grade.setUserData(level.name());
    }
    return menu;
  }
}
