package com.cityops.sim.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A wrong answer the tile endpoint gives on a test's request ({@link TileFaults}): the failures a
 * tile client meets in the field, each as one value. Every fault answer is sent with {@code
 * Cache-Control: no-store}, so it never outlives the request in a client's cache. Immutable.
 */
public sealed interface TileFault {
  /** An error status (4xx/5xx) with a problem+json body, as an overloaded or broken server. */
  record Status(int code) implements TileFault {
    public Status {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("a fault status must be 400–599, got " + code);
      }
    }
  }

  /** 200 with another content type and body, as a captive portal or a login page. */
  record WrongContent(String contentType, String body) implements TileFault {
    public WrongContent {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * 200 with the right content type and the first half of the tile's bytes (a consistent {@code
   * Content-Length}), as a broken cache or proxy delivers: HTTP cannot tell, only the decoder can.
   * A tile that is not in the pack answers 404 as usual.
   */
  record Truncated() implements TileFault {}

  /**
   * 200 with the right content type and a body that starts like gzip but does not inflate, as a
   * damaged gzipped MBTiles row or a proxy that dropped {@code Content-Encoding}.
   */
  record CorruptGzip() implements TileFault {}

  /** The normal answer, after a pause (to exercise client timeouts). */
  record Delay(Duration duration) implements TileFault {
    public Delay {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("a fault delay cannot be negative, got " + duration);
      }
    }
  }

  static TileFault status(int code) {
    return new Status(code);
  }

  /** 200 {@code text/html}: a login page where a tile should be. */
  static TileFault html() {
    return new WrongContent(
        "text/html;charset=utf-8",
        "<!DOCTYPE html><html><head><title>Sign in</title></head>"
            + "<body><h1>Please sign in to continue</h1></body></html>");
  }

  static TileFault truncated() {
    return new Truncated();
  }

  static TileFault corruptGzip() {
    return new CorruptGzip();
  }

  static TileFault delay(Duration duration) {
    return new Delay(duration);
  }
}
