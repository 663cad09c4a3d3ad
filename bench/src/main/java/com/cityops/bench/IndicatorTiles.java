package com.cityops.bench;

final class IndicatorTiles {
  static final String NAME = "tiles";

  /** Not measured yet: the workload follows in the next commit. */
  static int run(String[] args) {
    System.err.println(NAME + ": not implemented yet");
    return 2;
  }
}
