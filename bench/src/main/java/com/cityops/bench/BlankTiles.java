package com.cityops.bench;

import com.gluonhq.maps.tile.TileRetriever;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Gluon Maps' tiles for the {@code map-frames} peer (found through {@code
 * META-INF/services/com.gluonhq.maps.tile.TileRetriever}, which Gluon's {@code
 * TileRetrieverProvider} asks before falling back to OpenStreetMap over HTTP): one solid 256 px
 * image from memory for every tile, already complete, so no network is used and every tile has
 * {@code progress == 1} from the first frame.
 */
public final class BlankTiles implements TileRetriever {
  /** The land colour of our own base surface. */
  static final int ARGB = 0xfff2efe9;

  private static volatile Image tile;

  @Override
  public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
    Image t = tile;
    if (t == null) {
      WritableImage w = new WritableImage(256, 256);
      int[] row = new int[256 * 256];
      java.util.Arrays.fill(row, ARGB);
      w.getPixelWriter().setPixels(0, 0, 256, 256, PixelFormat.getIntArgbInstance(), row, 0, 256);
      tile = t = w;
    }
    return CompletableFuture.completedFuture(t);
  }
}
