package com.cityops.map.raster;

import com.cityops.map.geo.TileId;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.vector.MvtDecoder;
import com.cityops.map.vector.VectorTileRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Screenshot of a real Chicago z13 tile (mvt-fixtures, mapbox-streets-v7) with the dark test style:
 * fills, lines, circles and haloed labels (Chinese names where the tile has them). {@code
 * -Dscreenshots.update=true} re-records the reference.
 */
class VectorTileImagesTest {
  @Test
  void chicagoTileInTheDarkStyle() throws Exception {
    byte[] bytes =
        Files.readAllBytes(Path.of("src/test/resources/mvt-fixtures/real-world/13-2101-3044.mvt"));
    MapLibreStyle style =
        MapLibreStyle.read(Path.of("src/test/resources/maplibre/chicago-dark.json"));
    BufferedImage image =
        new VectorTileRenderer(style, new PlanRasterizer())
            .render(TileId.of(13, 2101, 3044), Map.of("streets", MvtDecoder.decode(bytes)), 512, 1);
    // Anti-aliasing and font hinting differ a little between machines; 1.5 % leaves room for that.
    ImageComparison.assertMatchesReference(image, "vector-chicago-13-2101-3044.png", 0.015);
  }
}
