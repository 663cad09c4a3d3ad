package com.cityops.app.replay;

import com.cityops.api.Snapshot;
import java.time.Instant;

/**
 * One line of a recording file (JSON lines): first the snapshot the client started from, then every
 * stream message it applied, verbatim, with the time it arrived.
 *
 * @param snapshot set on the first line only
 * @param message the raw stream message, on every other line
 */
public record Recording(Instant at, Snapshot snapshot, String message) {}
