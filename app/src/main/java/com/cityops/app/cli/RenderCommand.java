package com.cityops.app.cli;

import com.cityops.app.map.BundledBasemap;
import com.cityops.map.basemap.Basemap;
import com.cityops.map.basemap.BasemapProblems;
import com.cityops.map.basemap.BasemapSources;
import com.cityops.map.content.MapContent;
import com.cityops.map.geo.LonLat;
import com.cityops.map.maplibre.MapLibreStyleException;
import com.cityops.map.raster.MapFonts;
import com.cityops.map.raster.MapImages;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.view.Viewport;
import com.cityops.themes.Theme;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cityops render}: a static map image from a MapLibre style — the bundled dark style over
 * the offline demo pack unless {@code --style} names a file or URL. Every tile is loaded and drawn
 * before the PNG is written; problems (a broken tile, a style feature not drawn) go to stderr and
 * the rest renders. Headless: no window, no JavaFX.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Renders a static map image (PNG) from a MapLibre style.",
      "Without --style: the bundled dark basemap over the offline Shanghai pack."
    })
public final class RenderCommand {
  @Option(
      names = "--style",
      paramLabel = "FILE|URL",
      description = "A MapLibre style (v8) file or http(s) URL.")
  String style;

  @Option(
      names = "--theme",
      paramLabel = "dark|light",
      defaultValue = "dark",
      description = "The bundled style used without --style. Default: ${DEFAULT-VALUE}.")
  String theme;

  @Option(
      names = "--center",
      paramLabel = "LON,LAT",
      defaultValue = "121.47,31.23",
      description = "The image's centre (WGS84 degrees). Default: ${DEFAULT-VALUE}.")
  String center;

  @Option(
      names = "--zoom",
      paramLabel = "Z",
      defaultValue = "10",
      description = "Zoom level (fractions allowed). Default: ${DEFAULT-VALUE}.")
  double zoom;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      defaultValue = "1280x800",
      description = "Image size in logical pixels. Default: ${DEFAULT-VALUE}.")
  String size;

  @Option(
      names = "--scale",
      paramLabel = "S",
      defaultValue = "1",
      description = "Device pixels per logical pixel (2 for HiDPI). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--out", paramLabel = "PNG", required = true, description = "The image file.")
  Path out;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Where the bundled pack is installed and HTTP tiles are cached.")
  Path cacheDir;

  /** Renders; returns the exit code (0 written, 1 bad style or data, 2 bad arguments). */
  public int run(PrintStream stdout, PrintStream err) {
    double[] wh;
    LonLat at;
    try {
      wh = pair(size, "x", "--size");
      double[] ll = pair(center, ",", "--center");
      at = LonLat.of(ll[0], ll[1]);
      if (wh[0] < 1 || wh[1] < 1 || wh[0] * wh[1] * scale * scale > 400e6) {
        throw new IllegalArgumentException(
            "--size " + size + " at --scale " + scale + " is too big");
      }
      if (!(zoom >= Viewport.MIN_ZOOM && zoom <= Viewport.MAX_ZOOM) || !(scale > 0)) {
        throw new IllegalArgumentException("--zoom must lie in 0–22 and --scale be positive");
      }
    } catch (IllegalArgumentException e) {
      err.println("render: " + e.getMessage());
      return 2;
    }
    try {
      Path cache = cacheDir != null ? cacheDir : Files.createTempDirectory("cityops-render");
      String ref =
          style != null
              ? style
              : BundledBasemap.install(
                      cache.resolve("basemap"),
                      Theme.valueOf(theme.toUpperCase(java.util.Locale.ROOT)))
                  .toString();
      BasemapProblems problems = new BasemapProblems(err::println, System::nanoTime);
      BasemapSources.Located located =
          BasemapSources.locate(ref, new OkHttpClient(), cache.resolve("tiles"));
      try (Basemap basemap =
          Basemap.open(
              located.style(),
              located.sources(),
              new PlanRasterizer(MapFonts.preferredFamily(), err::println),
              problems)) {
        Viewport view = Viewport.centeredOn(at, zoom, wh[0], wh[1]);
        MapImages.writePng(MapImages.render(MapContent.EMPTY, view, scale, null, basemap), out);
      }
      stdout.println(out.toAbsolutePath());
      return 0;
    } catch (MapLibreStyleException | IllegalArgumentException | IllegalStateException e) {
      err.println("render: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException | java.io.IOException e) {
      err.println("render: " + e.getMessage());
      return 1;
    }
  }

  private static double[] pair(String text, String separator, String option) {
    String[] parts = text.trim().split(java.util.regex.Pattern.quote(separator));
    try {
      if (parts.length == 2) {
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        option + " expects two numbers separated by '" + separator + "', got '" + text + "'");
  }
}
