package com.cityops.sim.stream;

import com.cityops.api.StreamEventType;

/**
 * One journaled stream message, already serialised. {@code maskedJson} is the variant for roles
 * that may not see personal data, or null when the message holds none.
 */
public record JournalEntry(long seq, StreamEventType type, String json, String maskedJson) {

  /** The text to send to a client of the given clearance. */
  public String jsonFor(boolean seesPersonalData) {
    return seesPersonalData || maskedJson == null ? json : maskedJson;
  }
}
