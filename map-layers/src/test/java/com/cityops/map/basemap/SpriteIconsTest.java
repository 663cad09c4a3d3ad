package com.cityops.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cityops.map.geo.LonLat;
import com.cityops.map.maplibre.MapLibreStyle;
import com.cityops.map.maplibre.MapLibreStyleException;
import com.cityops.map.maplibre.Sprite;
import com.cityops.map.raster.PlanRasterizer;
import com.cityops.map.view.Viewport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbol icons from a MapLibre sprite (sheet + index, @2x preferred); bad sprites said clearly. */
class SpriteIconsTest {
  @TempDir Path dir;

  /** A two-icon sheet: a 16 px red square and a 16 px blue square, at the given pixel ratio. */
  static byte[] sheet(int ratio) throws Exception {
    int s = 16 * ratio;
    BufferedImage image = new BufferedImage(2 * s, s, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, s, s);
    g.setColor(Color.BLUE);
    g.fillRect(s, 0, s, s);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String index(int ratio) {
    int s = 16 * ratio;
    return "{\"red\": {\"x\": 0, \"y\": 0, \"width\": %d, \"height\": %d, \"pixelRatio\": %d},"
            .formatted(s, s, ratio)
        + "\"blue\": {\"x\": %d, \"y\": 0, \"width\": %d, \"height\": %d, \"pixelRatio\": %d}}"
            .formatted(s, s, s, ratio);
  }

  @Test
  void iconsFromTheSpriteAreDrawnAtTheirLogicalSizeAndMissingOnesSaidOnce() throws Exception {
    Files.write(dir.resolve("icons@2x.png"), sheet(2));
    Files.writeString(dir.resolve("icons@2x.json"), index(2));
    Path style = dir.resolve("style.json");
    Files.writeString(
        style,
        """
        {"version": 8, "name": "icons", "sprite": "icons",
         "sources": {"p": {"type": "geojson", "data": {"type": "FeatureCollection", "features": [
           {"type": "Feature", "properties": {"k": "red"},
            "geometry": {"type": "Point", "coordinates": [121.40, 31.23]}},
           {"type": "Feature", "properties": {"k": "blue"},
            "geometry": {"type": "Point", "coordinates": [121.54, 31.23]}},
           {"type": "Feature", "properties": {"k": "green"},
            "geometry": {"type": "Point", "coordinates": [121.47, 31.30]}}]}}},
         "layers": [
           {"id": "bg", "type": "background", "paint": {"background-color": "#ffffff"}},
           {"id": "poi", "type": "symbol", "source": "p", "layout": {"icon-image": ["get", "k"]}}]}
        """,
        StandardCharsets.UTF_8);
    List<String> log = new ArrayList<>();
    try (Basemap basemap =
        Basemap.open(
            MapLibreStyle.read(style),
            BasemapSources.beside(style),
            new PlanRasterizer(),
            new BasemapProblems(log::add, System::nanoTime))) {
      Viewport v = Viewport.centeredOn(LonLat.of(121.47, 31.23), 11, 400, 300);
      BufferedImage out = BasemapTest.image(v, 2);
      basemap.paint(out, v, 2, Basemap.Mode.COMPLETE);
      int redX = (int) Math.round(v.screenX(com.cityops.map.geo.WebMercator.x(121.40)) * 2);
      int blueX = (int) Math.round(v.screenX(com.cityops.map.geo.WebMercator.x(121.54)) * 2);
      int y = (int) Math.round(v.screenY(com.cityops.map.geo.WebMercator.y(31.23)) * 2);
      assertThat(out.getRGB(redX, y)).isEqualTo(0xffff0000);
      assertThat(out.getRGB(blueX, y)).isEqualTo(0xff0000ff);
      // 16 logical px at scale 2: 32 device px across, centred on the point.
      assertThat(out.getRGB(redX + 14, y)).isEqualTo(0xffff0000);
      assertThat(out.getRGB(redX + 18, y)).isEqualTo(0xffffffff);
      assertThat(String.join("\n", log)).contains("icon 'green'").contains("not in the sprite");
      assertThat(log.stream().filter(l -> l.contains("green"))).hasSize(1);
    }
  }

  @Test
  void aSpriteIndexPointingOutsideItsSheetIsRefusedByName() throws Exception {
    byte[] png = sheet(1);
    assertThatThrownBy(
            () ->
                Sprite.read(
                    "{\"far\": {\"x\": 30, \"y\": 0, \"width\": 16, \"height\": 16}}"
                        .getBytes(StandardCharsets.UTF_8),
                    png,
                    "http://tiles/sprite"))
        .isInstanceOf(MapLibreStyleException.class)
        .hasMessageContaining("icon 'far'")
        .hasMessageContaining("outside the 32×16 sheet");
    assertThatThrownBy(() -> Sprite.read("[]".getBytes(StandardCharsets.UTF_8), png, "s"))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(
            () -> Sprite.read("{}".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2}, "s"))
        .hasMessageContaining("sprite sheet s.png is not a readable image");
  }

  @Test
  void aStyleWhoseSpriteIsMissingStillDrawsWithoutIcons() throws Exception {
    Path style = dir.resolve("style.json");
    Files.writeString(
        style,
        """
        {"version": 8, "sprite": "nowhere", "sources": {}, "layers": [
          {"id": "bg", "type": "background", "paint": {"background-color": "#ffffff"}}]}
        """);
    List<String> log = new ArrayList<>();
    try (Basemap basemap =
        Basemap.open(
            MapLibreStyle.read(style),
            BasemapSources.beside(style),
            new PlanRasterizer(),
            new BasemapProblems(log::add, System::nanoTime))) {
      Viewport v = Viewport.centeredOn(LonLat.of(121.47, 31.23), 11, 64, 64);
      BufferedImage out = BasemapTest.image(v, 1);
      assertThat(basemap.paint(out, v, 1, Basemap.Mode.COMPLETE).complete()).isTrue();
      assertThat(out.getRGB(10, 10)).isEqualTo(0xffffffff);
      assertThat(String.join("\n", log)).contains("sprite nowhere not loaded");
    }
  }
}
