package com.cityops.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and the views take their words from the bundles. */
class MessagesCompletenessTest {
  private static final Pattern HAN_LITERAL = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyChineseKeyHasAnEnglishTextAndViceVersa() throws IOException {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    assertThat(en.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(en.getProperty(key)).as(key).isNotBlank();
    }
  }

  @Test
  void englishTextsAreEnglish() throws IOException {
    Properties en = load("messages_en.properties");
    List<String> chinese = new ArrayList<>();
    for (String key : en.stringPropertyNames()) {
      // The language menu names Chinese in Chinese, on purpose.
      if (!key.startsWith("settings.language.")
          && en.getProperty(key)
              .codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        chinese.add(key);
      }
    }
    assertThat(chinese).as("English texts with Chinese characters").isEmpty();
  }

  @Test
  void theWorkstationViewsHoldNoChineseLiterals() throws IOException {
    Path views = Path.of("src/main/java/com/cityops/app");
    List<String> found = new ArrayList<>();
    for (String pkg : List.of("shell", "search", "scope")) {
      try (Stream<Path> files = Files.walk(views.resolve(pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          int line = 0;
          for (String text : Files.readAllLines(file)) {
            line++;
            String code = text.strip();
            if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
              continue;
            }
            Matcher m = HAN_LITERAL.matcher(text);
            while (m.find()) {
              found.add(file.getFileName() + ":" + line + " " + m.group());
            }
          }
        }
      }
    }
    assertThat(found).as("Chinese string literals in views (use messages)").isEmpty();
  }
}
