package com.cityops.app.map;

import com.cityops.map.view.Viewport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;

/**
 * The map's animations: the glide after a flung drag (velocity decaying with friction) and the
 * fly-to (eased, zooming out on the way when the target is far, as people expect from web maps).
 * Each frame sets a new viewport; the raster surfaces then only move their images.
 *
 * <p>FX thread only.
 */
final class MapMotion {
  /** Time constant of the glide's decay: after 0.3 s a fling keeps 1/e of its speed. */
  private static final double GLIDE_TAU_S = 0.3;

  private static final double MIN_GLIDE_PX_S = 30;

  private final Supplier<Viewport> current;
  private final Consumer<Viewport> apply;
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          step(now);
        }
      };
  private Step step;
  private long last;

  MapMotion(Supplier<Viewport> current, Consumer<Viewport> apply) {
    this.current = current;
    this.apply = apply;
  }

  boolean running() {
    return step != null;
  }

  void stop() {
    step = null;
    timer.stop();
  }

  /** Glides on from a drag released at {@code vx, vy} screen pixels per second. */
  void glide(double vx, double vy) {
    if (Math.hypot(vx, vy) < MIN_GLIDE_PX_S * 4) {
      return;
    }
    double[] v = {vx, vy};
    start(
        (dtSeconds, elapsed) -> {
          double decay = Math.exp(-dtSeconds / GLIDE_TAU_S);
          v[0] *= decay;
          v[1] *= decay;
          apply.accept(current.get().panBy(v[0] * dtSeconds, v[1] * dtSeconds));
          return Math.hypot(v[0], v[1]) > MIN_GLIDE_PX_S;
        });
  }

  /**
   * Flies from the current viewport to {@code target} in {@code seconds}: eased in and out, and
   * when the target lies several screens away, zooming out in the middle of the flight so the
   * operator sees where the map is going.
   */
  void flyTo(Viewport target, double seconds) {
    Viewport from = current.get();
    double distancePx =
        Math.hypot(
            from.screenX(target.centerX()) - from.width() / 2,
            from.screenY(target.centerY()) - from.height() / 2);
    double screens = distancePx / Math.max(from.width(), from.height());
    double bump = screens > 1 ? Math.min(4, Math.log(screens) / Math.log(2) + 1) : 0;
    Viewport to = target.resized(from.width(), from.height());
    start(
        (dt, elapsed) -> {
          double t = Math.min(1, elapsed / seconds);
          double eased = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
          Viewport v = from.interpolate(to, eased);
          double z = v.zoom() - bump * Math.sin(Math.PI * t);
          apply.accept(new Viewport(v.centerX(), v.centerY(), z, v.width(), v.height()));
          return t < 1;
        });
  }

  private void start(Step next) {
    step = next;
    last = 0;
    elapsed = 0;
    timer.start();
  }

  private double elapsed;

  private void step(long now) {
    if (step == null) {
      timer.stop();
      return;
    }
    double dt = last == 0 ? 1 / 60.0 : Math.min(0.1, (now - last) / 1e9);
    last = now;
    elapsed += dt;
    if (!step.advance(dt, elapsed)) {
      stop();
    }
  }

  /** One animation: advances by {@code dt} seconds, false when finished. */
  private interface Step {
    boolean advance(double dtSeconds, double elapsedSeconds);
  }
}
