package com.cityops.map;

import com.cityops.map.data.Feature;
import com.cityops.map.geo.WebMercator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Real data files shipped for tests (see {@code src/test/resources/fixtures/README.md}). */
public final class MapFixtures {
  private MapFixtures() {}

  public static Path fixture(String name) {
    try {
      return Path.of(MapFixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test fixture " + name, e);
    }
  }

  /** {@code n} water-level sensors spread over central Shanghai, the same for the same seed. */
  public static List<Feature> sensors(int n, long seed) {
    GeometryFactory gf = new GeometryFactory();
    Random r = new Random(seed);
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double lon = 121.2 + r.nextDouble() * 0.6;
      double lat = 31.0 + r.nextDouble() * 0.5;
      out.add(
          new Feature(
              "s" + i,
              gf.createPoint(new Coordinate(WebMercator.x(lon), WebMercator.y(lat))),
              Map.of("type", "WATER_LEVEL")));
    }
    return out;
  }

  /** 2,000 sensors drawn as 5 px circles and clustered below zoom 13 (seed 7). */
  public static com.cityops.map.content.FeatureLayer clusteredSensors() {
    return com.cityops.map.content.FeatureLayer.of(
            "sensors",
            "水位",
            new com.cityops.map.data.MemoryFeatureSource("sensors", sensors(2_000, 7)),
            com.cityops.map.style.Style.of(
                com.cityops.map.style.Rule.of(
                    "水位",
                    new com.cityops.map.style.Symbolizer.Marker(
                        com.cityops.map.style.Symbolizer.Shape.CIRCLE,
                        5,
                        com.cityops.map.style.Rgba.hex("#22d3ee"),
                        null))))
        .clusteredBelow(13);
  }
}
