package com.cityops.app.scope;

import com.cityops.app.search.Gazetteer;
import com.cityops.app.search.Place;
import com.cityops.app.shell.AreaScope;
import com.cityops.app.shell.Workbench;
import com.cityops.app.state.SignedInUser;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * Keeps the workbench's area in scope honest and shown: it never rises above the signed-in
 * operator's jurisdiction (re-checked when the user or the gazetteer changes), and each new area is
 * framed on the map and handed to the map's incident filter. The indicator and queue panels read
 * the scope themselves.
 *
 * <p>FX thread only.
 */
public final class ScopeController {
  private static final double FRAME_MARGIN_PX = 40;

  private final Workbench workbench;
  private final Gazetteer places;
  private final Consumer<AreaScope> mapFilter;

  public ScopeController(Workbench workbench, Gazetteer places, Consumer<AreaScope> mapFilter) {
    this.workbench = workbench;
    this.places = places;
    this.mapFilter = mapFilter;
    workbench.scopeProperty().addListener((obs, was, now) -> changed(now));
    workbench.userProperty().addListener((obs, was, now) -> placesChanged());
    mapFilter.accept(workbench.scopeProperty().get());
  }

  /** The jurisdiction's district, or null for the whole city. */
  public String jurisdiction() {
    SignedInUser user = workbench.userProperty().get();
    return user == null ? null : user.jurisdiction();
  }

  /** The largest area this operator may see. */
  public AreaScope top() {
    return ScopeRules.top(jurisdiction(), places);
  }

  /** The gazetteer learnt new places (or the user changed): re-check the scope, name it. */
  public void placesChanged() {
    AreaScope now = workbench.scopeProperty().get();
    AreaScope allowed = ScopeRules.clamp(now, jurisdiction(), places);
    if (!allowed.equals(now)) {
      workbench.scopeProperty().set(allowed);
    }
  }

  private void changed(AreaScope now) {
    AreaScope allowed = ScopeRules.clamp(now, jurisdiction(), places);
    if (!allowed.equals(now)) {
      workbench.scopeProperty().set(allowed); // fires again with the allowed area
      return;
    }
    mapFilter.accept(now);
    Envelope frame =
        now.level() == AreaScope.Level.CITY
            ? places.cityBounds()
            : places.place(now.code()).map(Place::bounds).orElse(null);
    if (frame != null) {
      workbench.map().frame(frame, FRAME_MARGIN_PX);
    }
  }
}
