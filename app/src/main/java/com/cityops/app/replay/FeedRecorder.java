package com.cityops.app.replay;

import com.cityops.api.Json;
import com.cityops.api.Snapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code --record FILE}: writes the snapshot the feed loads and every stream message it applies, in
 * order, so the session can be replayed for after-action review (事后复盘), training or a bug report.
 * Thread-safe (the feed calls it from its worker and from OkHttp's reader thread).
 */
public final class FeedRecorder implements AutoCloseable {
  private final BufferedWriter out;
  private final Clock clock;
  private final Path file;

  public FeedRecorder(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the recording " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void snapshot(Snapshot snapshot) {
    line(new Recording(clock.instant(), snapshot, null));
  }

  public synchronized void message(String raw) {
    line(new Recording(clock.instant(), null, raw));
  }

  private void line(Recording recording) {
    try {
      out.write(Json.write(recording));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the recording " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the recording " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot close the recording " + file + ": " + e.getMessage(), e);
    }
  }
}
