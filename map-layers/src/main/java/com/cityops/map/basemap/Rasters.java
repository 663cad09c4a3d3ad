package com.cityops.map.basemap;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Pixel conversions between decoded images and the premultiplied ARGB the rasteriser draws. */
final class Rasters {
  private Rasters() {}

  static LoadedTile.Image premultiplied(BufferedImage decoded) {
    int w = decoded.getWidth();
    int h = decoded.getHeight();
    BufferedImage pre = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = pre.createGraphics();
    g.drawImage(decoded, 0, 0, null);
    g.dispose();
    return new LoadedTile.Image(w, h, ((DataBufferInt) pre.getRaster().getDataBuffer()).getData());
  }

  /**
   * The part of {@code image} that a tile {@code levels} deeper at offset ({@code dx}, {@code dy})
   * (in those deeper tiles) covers, at the parent's resolution — an overzoomed raster tile.
   */
  static LoadedTile.Image quarter(LoadedTile.Image image, int levels, int dx, int dy) {
    int n = 1 << levels;
    int w = Math.max(1, image.width() / n);
    int h = Math.max(1, image.height() / n);
    int x0 = Math.min(image.width() - w, dx * w);
    int y0 = Math.min(image.height() - h, dy * h);
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(image.argbPre(), (y0 + y) * image.width() + x0, out, y * w, w);
    }
    return new LoadedTile.Image(w, h, out);
  }
}
