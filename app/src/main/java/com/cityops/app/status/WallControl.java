package com.cityops.app.status;

import java.util.concurrent.CompletionStage;

/**
 * What the remote control may ask of a wall (the app carries it out on the FX thread). Each answer
 * completes with null when done, or with why it was not (the caller sees 409 and the reason).
 */
public interface WallControl {
  /** A command of the control API, as posted. */
  record Command(
      String mode,
      String panel,
      Double lon,
      Double lat,
      Double zoom,
      Integer page,
      Boolean frozen) {}

  /** {@code POST /control/mode}: {@code {"mode": "normal" | "emergency"}}. */
  CompletionStage<String> switchMode(Command command);

  /** {@code POST /control/view}: {@code {"panel": "normal/0", "lon", "lat", "zoom"}}. */
  CompletionStage<String> setView(Command command);

  /** {@code POST /control/page}: {@code {"panel": "ticker", "page": 3}}. */
  CompletionStage<String> setPage(Command command);

  /** {@code POST /control/freeze}: {@code {"frozen": true | false}}. */
  CompletionStage<String> freeze(Command command);
}
