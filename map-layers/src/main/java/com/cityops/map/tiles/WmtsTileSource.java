package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import com.cityops.map.geo.TileId;
import com.cityops.map.geo.WebMercator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tile URLs of one WMTS layer in a Web Mercator matrix set (天地图 {@code w}, OGC {@code
 * GoogleMapsCompatible}): each XYZ zoom is matched to the matrix of the same resolution and origin,
 * whatever its identifier ({@code 1}…{@code 18}, {@code EPSG:3857:0}…), so row and column are the
 * tile's y and x. REST ({@code ResourceURL}) when the layer has one and {@code preferRest}, KVP
 * GetTile otherwise. A zoom with no matrix is <em>missing</em>. Geographic sets (天地图 {@code c},
 * EPSG:4490) are refused: the map is drawn in EPSG:3857 and they would need reprojection.
 *
 * <p>Keys: 天地图's {@code tk} comes from the settings and is added by {@link
 * HttpTileSource.Builder#secretQueryParameter} — not part of these URLs, so it never reaches the
 * disk cache, logs or error messages. Immutable; thread-safe.
 */
public final class WmtsTileSource implements TileUrls {
  private static final double TOLERANCE = 1e-6;

  private final String template;
  private final String[] matrixIds;

  private WmtsTileSource(String template, String[] matrixIds) {
    this.template = template;
    this.matrixIds = matrixIds;
  }

  /**
   * URLs for {@code layer} in {@code matrixSet}, style and format as given (null: the layer's
   * default style and first format).
   */
  public static WmtsTileSource of(
      WmtsCapabilities caps,
      String layerId,
      String matrixSetId,
      String style,
      String format,
      boolean preferRest) {
    WmtsCapabilities.Layer layer =
        caps.layer(layerId)
            .orElseThrow(
                () ->
                    new MapDataException(
                        "WMTS has no layer '" + layerId + "'; it has " + ids(caps.layers())));
    if (!layer.matrixSets().contains(matrixSetId)) {
      throw new MapDataException(
          "WMTS layer '"
              + layerId
              + "' is not offered in matrix set '"
              + matrixSetId
              + "'; it is in "
              + layer.matrixSets());
    }
    WmtsCapabilities.TileMatrixSet set =
        caps.matrixSet(matrixSetId)
            .orElseThrow(
                () -> new MapDataException("WMTS matrix set '" + matrixSetId + "' is not defined"));
    if (!set.webMercator()) {
      throw new MapDataException(
          "WMTS matrix set '"
              + matrixSetId
              + "' is in "
              + set.crs()
              + "; the map is EPSG:3857, choose a Web Mercator set (天地图: 'w', not 'c')");
    }
    String[] matrixIds = new String[TileId.MAX_ZOOM + 1];
    for (WmtsCapabilities.TileMatrix m : set.matrices()) {
      double zoom =
          Math.log(2 * WebMercator.HALF_WORLD / m.tileWidth() / set.resolution(m)) / Math.log(2);
      long z = Math.round(zoom);
      boolean aligned =
          Math.abs(zoom - z) < TOLERANCE
              && Math.abs(m.originX() + WebMercator.HALF_WORLD) < 1
              && Math.abs(m.originY() - WebMercator.HALF_WORLD) < 1
              && m.matrixWidth() == 1L << z;
      if (aligned && z >= 0 && z <= TileId.MAX_ZOOM) {
        matrixIds[(int) z] = m.identifier();
      }
    }
    String s = style != null ? style : layer.defaultStyle();
    String f =
        format != null ? format : layer.formats().isEmpty() ? "image/png" : layer.formats().get(0);
    String template;
    if (preferRest && !layer.resourceUrlTemplates().isEmpty()) {
      template =
          layer
              .resourceUrlTemplates()
              .get(0)
              .replace("{Style}", s)
              .replace("{style}", s)
              .replace("{TileMatrixSet}", matrixSetId);
    } else {
      String base =
          caps.getTileKvpUrl()
              .orElseThrow(() -> new MapDataException("WMTS capabilities name no KVP GetTile URL"));
      template =
          base
              + (base.endsWith("?") || base.endsWith("&") ? "" : base.contains("?") ? "&" : "?")
              + "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
              + enc(layerId)
              + "&STYLE="
              + enc(s)
              + "&TILEMATRIXSET="
              + enc(matrixSetId)
              + "&FORMAT="
              + enc(f)
              + "&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}";
    }
    return new WmtsTileSource(template, matrixIds);
  }

  /** The zooms this layer has a matrix for. */
  public List<Integer> zooms() {
    List<Integer> z = new ArrayList<>();
    for (int i = 0; i < matrixIds.length; i++) {
      if (matrixIds[i] != null) {
        z.add(i);
      }
    }
    return z;
  }

  @Override
  public Optional<String> url(TileId id) {
    String matrix = matrixIds[id.z()];
    if (matrix == null) {
      return Optional.empty();
    }
    return Optional.of(
        template
            .replace("{TileMatrix}", matrix)
            .replace("{TileRow}", Integer.toString(id.y()))
            .replace("{TileCol}", Integer.toString(id.x())));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String ids(List<WmtsCapabilities.Layer> layers) {
    return layers.stream().map(WmtsCapabilities.Layer::identifier).toList().toString();
  }
}
