package com.cityops.map.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy label collision avoidance: labels are offered best first; each tries its place, then just
 * above and just below it, and is dropped when all three would overlap a placed label or an
 * obstacle (a cluster's circle), or leave the view. Sizes are estimated from the text: a CJK
 * character is about one em wide, Latin about 0.6 em.
 */
final class LabelPlacer {
  private final double width;
  private final double height;
  private final List<double[]> placed = new ArrayList<>();

  LabelPlacer(double width, double height) {
    this.width = width;
    this.height = height;
  }

  /** Keeps labels off a screen rectangle (drawn symbols that must stay readable). */
  void block(double x0, double y0, double x1, double y1) {
    placed.add(new double[] {x0, y0, x1, y1});
  }

  /**
   * Places a label centred on x,y — or just above or below when that spot is taken — and returns
   * the y it was placed at, or NaN when it fits nowhere.
   */
  double place(double x, double y, String text, double size) {
    double w = estimateWidth(text, size) + 4;
    double h = size * 1.3;
    for (double dy : new double[] {0, -1.1 * h, 1.1 * h}) {
      double cy = y + dy;
      double[] box = {x - w / 2, cy - h / 2, x + w / 2, cy + h / 2};
      if (fits(box)) {
        placed.add(box);
        return cy;
      }
    }
    return Double.NaN;
  }

  private boolean fits(double[] box) {
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) {
      return false;
    }
    for (double[] p : placed) {
      if (box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1]) {
        return false;
      }
    }
    return true;
  }

  static double estimateWidth(String text, double size) {
    double w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      w += Character.isIdeographic(cp) || cp > 0x2E80 ? size : size * 0.6;
      i += Character.charCount(cp);
    }
    return w;
  }
}
