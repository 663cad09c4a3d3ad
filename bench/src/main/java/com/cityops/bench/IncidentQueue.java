package com.cityops.bench;

final class IncidentQueue {
  static final String NAME = "queue";

  /** Not measured yet: the workload follows in the next commit. */
  static int run(String[] args) {
    System.err.println(NAME + ": not implemented yet");
    return 2;
  }
}
