package com.cityops.app.wall;

import com.cityops.api.OperatingMode;
import com.cityops.map.view.Viewport;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are on the wall, in wall pixels: the whole wall is one canvas in which each screen
 * is a rectangle and the bezels between them are gaps of hidden pixels. A panel spanning screens is
 * a rectangle on that canvas and each screen shows the part of it that falls on the screen — so
 * what crosses a bezel continues where it would if the frame were glass: straight.
 */
public final class WallGeometry {
  /** A rectangle in wall (or screen) pixels. */
  public record Rect(double x, double y, double width, double height) {
    public double maxX() {
      return x + width;
    }

    public double maxY() {
      return y + height;
    }

    /** The overlap with {@code other}, or null when they do not overlap. */
    public Rect intersection(Rect other) {
      double x0 = Math.max(x, other.x);
      double y0 = Math.max(y, other.y);
      double x1 = Math.min(maxX(), other.maxX());
      double y1 = Math.min(maxY(), other.maxY());
      return x1 - x0 < 0.5 || y1 - y0 < 0.5 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** This rectangle seen from {@code origin}'s top left corner. */
    public Rect relativeTo(Rect origin) {
      return new Rect(x - origin.x, y - origin.y, width, height);
    }
  }

  /**
   * A panel as one screen shows it.
   *
   * @param panelOnScreen the whole panel in this screen's pixels (it may reach beyond the screen)
   * @param visible the part of it on this screen, in this screen's pixels
   * @param visibleInPanel the same part in the panel's own pixels
   */
  public record Placement(
      WallLayout.Panel panel, int index, Rect panelOnScreen, Rect visible, Rect visibleInPanel) {}

  private final WallLayout layout;

  public WallGeometry(WallLayout layout) {
    this.layout = layout;
  }

  public WallLayout layout() {
    return layout;
  }

  private double pitchX() {
    return layout.screenSize().width() + layout.bezel().width();
  }

  private double pitchY() {
    return layout.screenSize().height() + layout.bezel().height();
  }

  /** The whole wall, bezels included. */
  public Rect wall() {
    return new Rect(
        0,
        0,
        layout.grid().columns() * pitchX() - layout.bezel().width(),
        layout.grid().rows() * pitchY() - layout.bezel().height());
  }

  public Rect screen(WallLayout.Screen screen) {
    return new Rect(
        screen.column() * pitchX(),
        screen.row() * pitchY(),
        layout.screenSize().width(),
        layout.screenSize().height());
  }

  /** The panel's rectangle on the wall: its span, bezels inside it included, then its area. */
  public Rect panel(WallLayout.Panel panel) {
    WallLayout.Span at = panel.at();
    double x = at.column() * pitchX();
    double y = at.row() * pitchY();
    double w = at.columns() * pitchX() - layout.bezel().width();
    double h = at.rows() * pitchY() - layout.bezel().height();
    List<Double> area = panel.area();
    return new Rect(
        Math.round(x + area.get(0) * w),
        Math.round(y + area.get(1) * h),
        Math.round(area.get(2) * w),
        Math.round(area.get(3) * h));
  }

  /** The panels of {@code mode} that show on {@code screen}, in the layout's order. */
  public List<Placement> placements(WallLayout.Screen screen, OperatingMode mode) {
    Rect on = screen(screen);
    List<Placement> placements = new ArrayList<>();
    List<WallLayout.Panel> panels = layout.panels(mode);
    for (int i = 0; i < panels.size(); i++) {
      Rect whole = panel(panels.get(i));
      Rect visible = whole.intersection(on);
      if (visible != null) {
        placements.add(
            new Placement(
                panels.get(i),
                i,
                whole.relativeTo(on),
                visible.relativeTo(on),
                visible.relativeTo(whole)));
      }
    }
    return placements;
  }

  /**
   * The view a part of a spanning map shows: same zoom, the centre moved by the part's offset from
   * the panel's centre, so the parts join up exactly (the bezels' pixels are skipped, not
   * squeezed).
   *
   * @param whole the panel's view, sized as the whole panel
   * @param part the part, in the panel's pixels
   */
  public static Viewport part(Viewport whole, Rect part) {
    double cx = part.x() + part.width() / 2;
    double cy = part.y() + part.height() / 2;
    return new Viewport(
        whole.mercatorX(cx), whole.mercatorY(cy), whole.zoom(), part.width(), part.height());
  }
}
