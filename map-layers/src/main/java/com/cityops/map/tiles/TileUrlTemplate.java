package com.cityops.map.tiles;

import com.cityops.map.geo.TileId;
import java.util.List;
import java.util.Optional;

/**
 * A tile URL template as Leaflet, OpenLayers and TileJSON write them: {@code {z}}, {@code {x}},
 * {@code {y}} (the row in the source's {@link TileScheme}), {@code {-y}} (the TMS row, whatever the
 * scheme) and {@code {s}} (one of the subdomains, e.g. {@code t0}–{@code t7} for 天地图). Immutable;
 * thread-safe.
 *
 * <p>The subdomain is picked from the tile (x + y), not round-robin, so one tile always has the
 * same URL — otherwise the disk cache would hold it once per subdomain and never hit.
 */
public record TileUrlTemplate(String template, TileScheme scheme, List<String> subdomains)
    implements TileUrls {

  public TileUrlTemplate {
    if (template == null || !template.contains("{z}")) {
      throw new IllegalArgumentException(
          "tile URL template must contain {z}, {x} and {y} (or {-y}), got " + template);
    }
    if (!template.contains("{x}") || !(template.contains("{y}") || template.contains("{-y}"))) {
      throw new IllegalArgumentException(
          "tile URL template must contain {x} and {y} (or {-y}), got " + template);
    }
    subdomains = subdomains == null ? List.of() : List.copyOf(subdomains);
    if (template.contains("{s}") && subdomains.isEmpty()) {
      throw new IllegalArgumentException(
          "tile URL template " + template + " uses {s} but no subdomains were given");
    }
  }

  /** An XYZ template; subdomains default to {@code a, b, c} when it uses {@code {s}}. */
  public static TileUrlTemplate xyz(String template, String... subdomains) {
    return new TileUrlTemplate(template, TileScheme.XYZ, defaults(template, subdomains));
  }

  /** A TMS template: {@code {y}} counts rows from the south. */
  public static TileUrlTemplate tms(String template, String... subdomains) {
    return new TileUrlTemplate(template, TileScheme.TMS, defaults(template, subdomains));
  }

  private static List<String> defaults(String template, String[] subdomains) {
    if (subdomains.length == 0 && template != null && template.contains("{s}")) {
      return List.of("a", "b", "c");
    }
    return List.of(subdomains);
  }

  @Override
  public Optional<String> url(TileId id) {
    String url =
        template
            .replace("{z}", Integer.toString(id.z()))
            .replace("{x}", Integer.toString(id.x()))
            .replace("{-y}", Integer.toString(id.tmsY()))
            .replace("{y}", Integer.toString(scheme.row(id)));
    if (!subdomains.isEmpty()) {
      url = url.replace("{s}", subdomains.get(Math.floorMod(id.x() + id.y(), subdomains.size())));
    }
    return Optional.of(url);
  }
}
