package com.cityops.app.queue;

/** The queue's style-class names (rules in themes' base.css, section "Incident queue"). */
final class QueueStyles {
  static final String QUEUE = "incident-queue";
  static final String TABLE = "queue-table";
  static final String COUNTS = "queue-counts";
  static final String COUNT = "queue-count";
  static final String FILTERS = "queue-filters";
  static final String NEW_MARKER = "queue-new-marker";
  static final String COUNTDOWN = "queue-countdown";
  static final String LEVEL_TOGGLE = "queue-level-toggle";
  static final String BANNER = "announce-banner";
  static final String BANNER_TEXT = "announce-text";

  private QueueStyles() {}
}
