package com.cityops.api;

import java.time.Instant;

/**
 * Payload of {@code canary}: the backend's periodic end-to-end test signal. It travels the same
 * path as real events (journal, seq, stream), so its regular arrival proves the whole path works —
 * the way alarm-receiving centres test their lines. A client that misses it for {@code 2.5 ×
 * intervalSeconds} raises a local alarm.
 *
 * @param number counts up from 1 since the server started
 */
public record Canary(long number, Instant emittedAt, int intervalSeconds) {}
