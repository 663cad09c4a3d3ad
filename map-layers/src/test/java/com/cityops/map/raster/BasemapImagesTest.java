package com.cityops.map.raster;

import com.cityops.map.basemap.Basemap;
import com.cityops.map.basemap.BasemapProblems;
import com.cityops.map.basemap.BasemapSources;
import com.cityops.map.content.MapContent;
import com.cityops.map.geo.LonLat;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.view.Viewport;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Screenshot of a static map image from a MapLibre style over real tile files (GDAL's vector
 * MBTiles under a PMTiles raster at a quarter opacity), at a zoom between levels and at 1.5× —
 * tiles drawn at the size shown, labels per tile, no seams. {@code -Dscreenshots.update=true}
 * re-records the reference.
 */
class BasemapImagesTest {
  @Test
  void districtsPackAtAFractionalZoomAndHiDpiScale() {
    Path file = Path.of("src/test/resources/basemap/districts.json");
    try (Basemap basemap =
        Basemap.open(
            MapLibreStyle.read(file),
            BasemapSources.beside(file),
            new PlanRasterizer(),
            new BasemapProblems(line -> {}, System::nanoTime))) {
      Viewport view = Viewport.centeredOn(LonLat.of(121.45, 31.2), 9.6, 720, 480);
      BufferedImage image = MapImages.render(MapContent.EMPTY, view, 1.5, null, basemap);
      ImageComparison.assertMatchesReference(image, "basemap-districts-z9.6-1.5x.png", 0.015);
    }
  }
}
