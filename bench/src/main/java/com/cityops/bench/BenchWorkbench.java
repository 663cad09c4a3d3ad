package com.cityops.bench;

import com.cityops.app.fx.FxPlatform;
import com.cityops.app.i18n.Messages;
import com.cityops.app.shell.MapFocus;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.CityState;
import java.time.Clock;
import org.locationtech.jts.geom.Envelope;

/** A workbench for benchmarks that show the shell without a map or a backend. */
final class BenchWorkbench {
  private BenchWorkbench() {}

  static Workbench of(CityState state) {
    MapFocus noMap =
        new MapFocus() {
          @Override
          public void flyTo(double lon, double lat, double zoom) {}

          @Override
          public void frame(Envelope lonLat, double marginPx) {}
        };
    return new Workbench(
        Messages.forLanguage("zh-CN"),
        state,
        FxPlatform.pulseExecutor(null),
        Clock.systemUTC(),
        noMap,
        () -> null,
        () -> null);
  }
}
