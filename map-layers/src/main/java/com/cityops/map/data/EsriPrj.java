package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the coordinate systems city data comes in from the WKT of a shapefile's .prj (ESRI
 * WKT1 as ArcGIS and GDAL write it, OGC WKT1 or WKT2): WGS84, CGCS2000 and Web Mercator. By names
 * and EPSG codes rather than by parsing the full WKT, because writers disagree on spelling but not
 * on these names; anything else is refused rather than guessed. Stateless; thread-safe.
 */
final class EsriPrj {
  private static final Pattern NAME =
      Pattern.compile("^\\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\\s*\\[\\s*\"([^\"]*)\"");

  /** The outermost (last) authority of a projected WKT names the projected system itself. */
  private static final Pattern LAST_EPSG_IS_MERCATOR =
      Pattern.compile(
          "(AUTHORITY\\[\"EPSG\",\"(3857|900913)\"\\]|ID\\[\"EPSG\",(3857|900913)\\])\\]\\s*$");

  private EsriPrj() {}

  /**
   * @throws MapDataException naming the system when it is none of the three
   */
  static Crs crs(String wkt, String where) {
    String text = wkt.toUpperCase(Locale.ROOT).replace(' ', '_');
    boolean projected = text.startsWith("PROJCS") || text.startsWith("PROJCRS");
    if (projected) {
      if (text.contains("AUXILIARY_SPHERE")
          || text.contains("PSEUDO-MERCATOR")
          || text.contains("PSEUDO_MERCATOR")
          || text.contains("WEB_MERCATOR")
          || text.contains("POPULAR_VISUALISATION")
          || LAST_EPSG_IS_MERCATOR.matcher(text).find()) {
        return Crs.WEB_MERCATOR;
      }
    } else if (text.contains("CGCS2000")
        || text.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000")
        || text.contains("CHINA_2000")) {
      return Crs.CGCS2000;
    } else if (text.contains("WGS_1984") || text.contains("WGS_84") || text.contains("WGS84")) {
      return Crs.WGS84;
    }
    throw new MapDataException(
        where
            + ": coordinate system '"
            + name(wkt)
            + "' is not supported; supported: WGS84 (EPSG:4326), CGCS2000 (EPSG:4490), Web"
            + " Mercator (EPSG:3857) — reproject it, e.g. ogr2ogr -t_srs EPSG:4326");
  }

  private static String name(String wkt) {
    Matcher m = NAME.matcher(wkt);
    return m.find() ? m.group(2) : wkt.strip().substring(0, Math.min(60, wkt.strip().length()));
  }
}
