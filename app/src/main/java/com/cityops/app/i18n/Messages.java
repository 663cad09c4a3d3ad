package com.cityops.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text. zh-CN is the default; English is available ({@code --lang en}). A missing key shows as
 * {@code ⟦key⟧} so it is visible on screen instead of crashing a wall. Thread-safe.
 */
public final class Messages {
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    // The zh-CN text lives in the base bundle, so no fallback to the JVM's default locale applies.
    this.bundle =
        ResourceBundle.getBundle(
            "com.cityops.app.i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Messages forLanguage(String tag) {
    Locale locale = tag == null || tag.isBlank() ? CHINESE : Locale.forLanguageTag(tag);
    return new Messages(locale);
  }

  public Locale locale() {
    return locale;
  }

  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "⟦" + key + "⟧";
    }
  }

  public String format(String key, Object... args) {
    return new MessageFormat(get(key), locale).format(args);
  }
}
