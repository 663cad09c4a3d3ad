package com.cityops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case of the public JSONTestSuite (see {@code jsontestsuite/README.md} in the test
 * resources) through {@link Json#readTree} and {@link Json#readEnvelope}: {@code n_} cases must be
 * refused with a {@link Json.MalformedJsonException} that says why, {@code y_} cases must parse
 * (and may then be refused as not a stream message, equally clearly), {@code i_} cases may go
 * either way; nothing may crash or take longer than 2 s.
 */
class JsonTestSuiteTest {
  private static final Duration LIMIT = Duration.ofSeconds(2);

  /**
   * Valid JSON that the contract refuses on purpose: {@link Json} turns on Jackson's strict
   * duplicate detection, since two readers that keep different copies of a repeated key (first or
   * last wins) are a known way to smuggle a value past a check.
   */
  private static final Set<String> REFUSED_ON_PURPOSE =
      Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(JsonTestSuiteTest.class.getResource("jsontestsuite").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static String text(String name) throws IOException {
    try (var in = JsonTestSuiteTest.class.getResourceAsStream("jsontestsuite/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readTree(String name) throws IOException {
    String text = text(name);
    Throwable thrown =
        assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> Json.readTree(text)));
    switch (name.charAt(0)) {
      case 'n' -> assertClearRefusal(thrown);
      case 'y' -> {
        if (REFUSED_ON_PURPOSE.contains(name)) {
          assertClearRefusal(thrown);
          assertThat(thrown).hasMessageContaining("Duplicate field");
        } else {
          assertThat(thrown).as("a valid JSON document").isNull();
        }
      }
      default -> {
        if (thrown != null) {
          assertClearRefusal(thrown);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readEnvelope(String name) throws IOException {
    String text = text(name);
    Throwable thrown =
        assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> Json.readEnvelope(text)));
    // none of the suite's documents is a stream message, so every case is refused — clearly
    assertClearRefusal(thrown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peekSeq(String name) throws IOException {
    String text = text(name);
    assertThat(assertTimeoutPreemptively(LIMIT, () -> Json.peekSeq(text))).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t ", "\r\n"})
  void emptyInputIsRefusedNotAMissingNode(String text) {
    assertThatThrownBy(() -> Json.readTree(text))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Json.readEnvelope(text))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Json.read(text, Snapshot.class))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Json.readList(text, LayerInfo.class))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void aLoneByteOrderMarkIsRefusedClearly() {
    assertClearRefusal(catchThrowable(() -> Json.readTree("\uFEFF")));
    assertClearRefusal(catchThrowable(() -> Json.readEnvelope("\uFEFF")));
  }

  /**
   * Found by {@code JsonFuzzTest#restBody}: a body of JSON null used to be read as a null record.
   */
  @ParameterizedTest
  @ValueSource(strings = {"null", " null ", "\nnull"})
  void aJsonNullBodyIsNotARecord(String text) {
    assertThatThrownBy(() -> Json.read(text, Incident.class))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessage("not a valid Incident: the body is JSON null");
    assertThatThrownBy(() -> Json.readList(text, LayerInfo.class))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("JSON null");
  }

  @Test
  void nullInputIsRefused() {
    assertThatThrownBy(() -> Json.readTree(null))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessageContaining("empty");
  }

  private static void assertClearRefusal(Throwable thrown) {
    assertThat(thrown).as("refused").isInstanceOf(Json.MalformedJsonException.class);
    assertThat(thrown.getMessage()).as("the refusal's message").isNotBlank();
  }
}
