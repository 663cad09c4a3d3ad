package com.cityops.app.shell;

import com.cityops.app.i18n.Messages;
import com.cityops.themes.StyleClasses;
import com.cityops.themes.Theme;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The top bar's settings menu: theme (dark wall, light desk, high contrast) and language
 * (中文/English), switched at once. FX thread only.
 */
public final class SettingsMenu {
  /** The languages offered, as language tags. */
  public static final List<String> LANGUAGES = List.of("zh-CN", "en");

  private final MenuButton button;

  public SettingsMenu(
      Messages messages,
      Theme theme,
      String language,
      Consumer<Theme> switchTheme,
      Consumer<String> switchLanguage,
      Runnable signOut) {
    button = new MenuButton("⚙ " + messages.get("settings.menu"));
    button.setId("settings-menu");
    button.getStyleClass().add(StyleClasses.SETTINGS_MENU);
    ToggleGroup themes = new ToggleGroup();
    for (Theme t : Theme.values()) {
      String key = t.name().toLowerCase().replace('_', '-');
      RadioMenuItem item = new RadioMenuItem(messages.get("settings.theme." + key));
      item.setId("theme-" + key);
      item.setToggleGroup(themes);
      item.setSelected(t == theme);
      item.setOnAction(e -> switchTheme.accept(t));
      button.getItems().add(item);
    }
    button.getItems().add(new SeparatorMenuItem());
    ToggleGroup languages = new ToggleGroup();
    for (String tag : LANGUAGES) {
      // Each language names itself, so an operator who cannot read the current one finds theirs.
      RadioMenuItem item = new RadioMenuItem(messages.get("settings.language." + tag));
      item.setId("language-" + tag);
      item.setToggleGroup(languages);
      item.setSelected(tag.equalsIgnoreCase(language) || language.startsWith(tag + "-"));
      item.setOnAction(e -> switchLanguage.accept(tag));
      button.getItems().add(item);
    }
    button.getItems().add(new SeparatorMenuItem());
    // Sign-out revokes the tokens and deletes this user's offline copy, then closes the app.
    MenuItem signOutItem = new MenuItem(messages.get("settings.sign-out"));
    signOutItem.setId("sign-out");
    signOutItem.setOnAction(e -> signOut.run());
    button.getItems().add(signOutItem);
  }

  public Node node() {
    return button;
  }
}
