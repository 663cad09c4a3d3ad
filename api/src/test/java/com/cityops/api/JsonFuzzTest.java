package com.cityops.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Fuzz targets for everything {@link Json} reads from outside: stream messages and REST bodies. The
 * property: a value, or a {@link Json.MalformedJsonException} with a message a person can act on —
 * never another exception, never a hang.
 *
 * <p>Plain {@code mvn test} runs each target once per file of its seed corpus ({@code
 * JsonFuzzTestInputs/<method>/} beside this class in the test resources); {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/fuzzing.md).
 */
class JsonFuzzTest {
  /** What a REST body may be read as; the first input byte picks one, the rest is the body. */
  private static final Function<String, ?>[] BODIES = bodies();

  @SuppressWarnings("unchecked")
  private static Function<String, ?>[] bodies() {
    return new Function[] {
      text -> Json.read((String) text, Snapshot.class),
      text -> Json.read((String) text, Incident.class),
      text -> Json.read((String) text, LoginResponse.class),
      text -> Json.read((String) text, ActionResult.class),
      text -> Json.read((String) text, Problem.class),
      text -> Json.read((String) text, ServerStatus.class),
      text -> Json.readList((String) text, LayerInfo.class),
      text -> Json.readList((String) text, Incident.class),
      text -> Json.read((String) text, IndicatorHistory.class),
      text -> Json.readTree((String) text),
    };
  }

  @FuzzTest(maxDuration = "60s")
  void readEnvelope(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      StreamEnvelope envelope = Json.readEnvelope(text);
      assertNotNull(envelope.type());
      assertNotNull(envelope.payload());
    } catch (Json.MalformedJsonException e) {
      assertClear(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void peekSeq(byte[] input) {
    // documented to answer -1 rather than throw: it runs on messages too large or too broken to
    // read
    Json.peekSeq(new String(input, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void restBody(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Function<String, ?> reader = BODIES[Math.floorMod(input[0], BODIES.length)];
    String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
    try {
      assertNotNull(reader.apply(text));
    } catch (Json.MalformedJsonException e) {
      assertClear(e);
    }
  }

  static void assertClear(RuntimeException e) {
    assertNotNull(e.getMessage(), () -> e.getClass().getSimpleName() + " without a message");
    assertFalse(
        e.getMessage().isBlank(), () -> e.getClass().getSimpleName() + " with a blank message");
  }
}
