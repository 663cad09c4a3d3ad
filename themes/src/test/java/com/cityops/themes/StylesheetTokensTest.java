package com.cityops.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Themes differ only in their palette: checked on the CSS text, without starting JavaFX. */
class StylesheetTokensTest {
  private static final Pattern TOKEN = Pattern.compile("-cc-[a-z0-9-]+");

  static String css(String name) throws IOException {
    try (InputStream in = Themes.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Set<String> tokens(String css) {
    Set<String> found = new TreeSet<>();
    Matcher m = TOKEN.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void everyPaletteDefinesEveryTokenTheRulesUse(Theme theme) throws IOException {
    Set<String> used = tokens(css("base.css"));
    Set<String> defined = tokens(css(theme.palette()));
    assertThat(defined).containsAll(used);
  }

  @Test
  void theRulesHoldNoLiteralColours() throws IOException {
    String rules = css("base.css").replaceAll("(?s)/\\*.*?\\*/", "");
    assertThat(rules)
        .doesNotContainPattern("#[0-9a-fA-F]{3,8}\\b")
        .doesNotContain("rgb(")
        .doesNotContain("rgba(");
  }

  @Test
  void everyStyleClassConstantHasARule() throws Exception {
    String rules = css("base.css");
    for (Field field : StyleClasses.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String name = (String) field.get(null);
        assertThat(rules)
            .as("rule for %s", field.getName())
            .containsPattern("[.:]" + Pattern.quote(name) + "\\b");
      }
    }
  }

  @Test
  void parsesThemeNamesAsOperatorsTypeThem() {
    assertThat(Theme.parse("high-contrast")).isEqualTo(Theme.HIGH_CONTRAST);
    assertThat(Theme.parse("Dark")).isEqualTo(Theme.DARK);
  }
}
