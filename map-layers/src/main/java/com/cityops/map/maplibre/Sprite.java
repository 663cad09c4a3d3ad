package com.cityops.map.maplibre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A MapLibre sprite: the index ({@code sprite.json}: name → x, y, width, height, pixelRatio) and
 * the sheet ({@code sprite.png}), cut into one premultiplied ARGB image per icon at load time so
 * drawing an icon is a copy. An entry outside the sheet is refused when read, with its name.
 * Immutable; thread-safe.
 */
public final class Sprite {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One icon: its pixels and the device pixels per logical pixel they were drawn for. */
  public record Icon(int width, int height, double pixelRatio, int[] argbPre) {}

  private final Map<String, Icon> icons;

  private Sprite(Map<String, Icon> icons) {
    this.icons = Map.copyOf(icons);
  }

  /**
   * @param where names the sprite in messages (its URL)
   * @throws MapLibreStyleException when the index is not a sprite index, the sheet not an image, or
   *     an entry lies outside the sheet
   */
  public static Sprite read(byte[] index, byte[] sheet, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(index);
    } catch (JsonProcessingException e) {
      throw new MapLibreStyleException(
          "sprite index " + where + ".json is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MapLibreStyleException("sprite index " + where + ".json: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MapLibreStyleException("sprite index " + where + ".json is not a JSON object");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(sheet));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      throw new MapLibreStyleException("sprite sheet " + where + ".png is not a readable image");
    }
    BufferedImage pre =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = pre.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    int[] all = ((DataBufferInt) pre.getRaster().getDataBuffer()).getData();
    Map<String, Icon> icons = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode n = e.getValue();
      int x = n.path("x").asInt(-1);
      int y = n.path("y").asInt(-1);
      int w = n.path("width").asInt(0);
      int h = n.path("height").asInt(0);
      if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > pre.getWidth() || y + h > pre.getHeight()) {
        throw new MapLibreStyleException(
            "sprite "
                + where
                + ": icon '"
                + e.getKey()
                + "' ("
                + x
                + ","
                + y
                + " "
                + w
                + "×"
                + h
                + ") lies outside the "
                + pre.getWidth()
                + "×"
                + pre.getHeight()
                + " sheet");
      }
      int[] px = new int[w * h];
      for (int row = 0; row < h; row++) {
        System.arraycopy(all, (y + row) * pre.getWidth() + x, px, row * w, w);
      }
      icons.put(e.getKey(), new Icon(w, h, Math.max(0.1, n.path("pixelRatio").asDouble(1)), px));
    }
    return new Sprite(icons);
  }

  /** The icon called {@code name}, or null. */
  public Icon icon(String name) {
    return icons.get(name);
  }

  public int size() {
    return icons.size();
  }
}
