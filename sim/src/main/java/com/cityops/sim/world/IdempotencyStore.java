package com.cityops.sim.world;

import com.cityops.api.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the answer given to every {@code Idempotency-Key}, on disk when there is a data
 * directory, so a retry — even after a server restart — gets the same answer and the action is
 * applied once. Not thread-safe (used under the world's lock).
 */
final class IdempotencyStore implements AutoCloseable {
  private final Map<String, StoredAnswer> answers = new HashMap<>();
  private final BufferedWriter writer;

  private IdempotencyStore(BufferedWriter writer) {
    this.writer = writer;
  }

  static IdempotencyStore inMemory() {
    return new IdempotencyStore(null);
  }

  static IdempotencyStore open(Path dataDir) {
    Path file = dataDir.resolve("idempotency.jsonl");
    try {
      var store =
          new IdempotencyStore(
              Files.newBufferedWriter(
                  file,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND));
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            try {
              StoredAnswer answer = Json.read(line, StoredAnswer.class);
              store.answers.put(answer.key(), answer);
            } catch (Json.MalformedJsonException e) {
              // A torn last line after a crash: the action it recorded was never answered.
            }
          }
        }
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the idempotency store " + file, e);
    }
  }

  Optional<StoredAnswer> find(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  void remember(StoredAnswer answer) {
    answers.put(answer.key(), answer);
    if (writer != null) {
      try {
        writer.write(Json.write(answer));
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the idempotency store", e);
      }
    }
  }

  @Override
  public void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the idempotency store", e);
      }
    }
  }

  /**
   * The answer given to a key.
   *
   * @param fingerprint what the request was (case id + body), to detect a key reused for another
   * @param body the JSON answer as sent
   */
  record StoredAnswer(
      String key, String fingerprint, int status, String contentType, String body) {}
}
