package com.cityops.sim.world;

import java.util.List;
import java.util.random.RandomGenerator;

/** Picks from a list by relative weights. */
final class Weighted {
  private Weighted() {}

  static <T> T pick(List<T> items, double[] weights, RandomGenerator rnd) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = rnd.nextDouble() * total;
    for (int i = 0; i < items.size(); i++) {
      r -= weights[i];
      if (r < 0) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }
}
