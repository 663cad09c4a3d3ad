package com.cityops.map.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy label collision avoidance: labels are offered best first; one that would overlap an
 * already placed label (or leave the view) is dropped. Sizes are estimated from the text: a CJK
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

  /** Places a label centred on x,y if it fits; returns whether it did. */
  boolean place(double x, double y, String text, double size) {
    double w = estimateWidth(text, size) + 4;
    double h = size * 1.3;
    double[] box = {x - w / 2, y - h / 2, x + w / 2, y + h / 2};
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) {
      return false;
    }
    for (double[] p : placed) {
      if (box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1]) {
        return false;
      }
    }
    placed.add(box);
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
