package com.cityops.themes;

import java.net.URL;
import java.util.List;
import javafx.scene.Scene;

/**
 * Applies a theme to a scene: the palette (colour tokens) first, then the rules written against
 * them.
 */
public final class Themes {
  private static final String BASE = "base.css";

  private Themes() {}

  /** The stylesheets of a theme, as external-form URLs, in the order they must be applied. */
  public static List<String> stylesheets(Theme theme) {
    return List.of(url(theme.palette()), url(BASE));
  }

  /** Replaces whatever theme the scene had. FX thread only. */
  public static void apply(Scene scene, Theme theme) {
    scene.getStylesheets().removeIf(s -> s.contains("/com/cityops/themes/"));
    scene.getStylesheets().addAll(0, stylesheets(theme));
  }

  /**
   * The city one-map's layer style file (the project's JSON format) that suits the theme: dark for
   * walls and control rooms (also under high contrast), light for desks.
   */
  public static URL mapStyle(Theme theme) {
    String name = theme == Theme.LIGHT ? "map/one-map-light.json" : "map/one-map-dark.json";
    URL url = Themes.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("map style " + name + " is missing from the themes jar");
    }
    return url;
  }

  /**
   * The bundled basemap style (MapLibre style v8) that suits the theme: dark for walls and control
   * rooms (also under high contrast), light for desks. Its {@code city} source names the offline
   * pack {@code shanghai.mbtiles} beside it; the app installs both into one folder.
   */
  public static URL basemapStyle(Theme theme) {
    String name = theme == Theme.LIGHT ? "basemap/basemap-light.json" : "basemap/basemap-dark.json";
    URL url = Themes.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("basemap style " + name + " is missing from the themes jar");
    }
    return url;
  }

  private static String url(String name) {
    URL url = Themes.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("stylesheet " + name + " is missing from the themes jar");
    }
    return url.toExternalForm();
  }
}
