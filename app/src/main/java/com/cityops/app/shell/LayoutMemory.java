package com.cityops.app.shell;

/**
 * Where the operator left the dividers and which panels they put in windows of their own,
 * remembered per user. Called on the FX thread; an implementation writes to disk elsewhere.
 */
public interface LayoutMemory {
  LayoutMemory NONE =
      new LayoutMemory() {
        @Override
        public double[] dividers(String splitId) {
          return null;
        }

        @Override
        public void dividersMoved(String splitId, double[] positions) {}

        @Override
        public boolean detached(String panelId) {
          return false;
        }

        @Override
        public void setDetached(String panelId, boolean detached) {}
      };

  /** The remembered divider positions of a split (0–1), or null for the default. */
  double[] dividers(String splitId);

  void dividersMoved(String splitId, double[] positions);

  boolean detached(String panelId);

  void setDetached(String panelId, boolean detached);
}
