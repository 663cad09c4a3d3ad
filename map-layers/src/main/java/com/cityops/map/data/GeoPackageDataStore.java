package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads feature tables of an OGC GeoPackage (.gpkg) into {@link MemoryFeatureSource}s, projecting
 * from the table's SRS (EPSG:4326, EPSG:4490 or EPSG:3857) to EPSG:3857. NGA's geopackage library
 * opens the SQLite file and decodes the GeoPackage geometry header; the plain WKB behind it goes
 * through JTS' {@link WKBReader}, so no NGA geometry type leaks past this class.
 *
 * <p>Rows without a geometry are skipped (they cannot be drawn); every other problem is a {@link
 * MapDataException} naming the file, table and row. One open file, one SQLite connection: not
 * thread-safe (use it from one thread, then share the thread-safe sources it returned). Close it.
 */
public final class GeoPackageDataStore implements AutoCloseable {
  private final Path file;
  private final GeoPackage geoPackage;

  private GeoPackageDataStore(Path file, GeoPackage geoPackage) {
    this.file = file;
    this.geoPackage = geoPackage;
  }

  /**
   * Opens a GeoPackage read-only.
   *
   * @throws MapDataException naming the path when it is missing or not a GeoPackage
   */
  public static GeoPackageDataStore open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MapDataException("GeoPackage " + file + " does not exist or is not a file");
    }
    try {
      // readOnly = true: reading must never create tables or rewrite a file someone delivered.
      return new GeoPackageDataStore(file, GeoPackageManager.open(true, file.toFile()));
    } catch (RuntimeException e) {
      // NGA wraps the SQLite error ("file is not a database") as its cause: show both.
      throw new MapDataException(
          "cannot open GeoPackage " + file + ": " + reason(e) + causeText(e), e);
    }
  }

  /** Opens, reads one table and closes again. */
  public static MemoryFeatureSource read(Path file, String table) {
    try (GeoPackageDataStore store = open(file)) {
      return store.read(table);
    }
  }

  /** The names of the feature tables (from {@code gpkg_contents}), in the file's order. */
  public List<String> featureTables() {
    try {
      return List.copyOf(geoPackage.getFeatureTables());
    } catch (RuntimeException e) {
      throw new MapDataException(
          "GeoPackage " + file + ": cannot list feature tables: " + reason(e) + causeText(e), e);
    }
  }

  /**
   * One feature table as a source named after the table. Feature ids are the table's primary key;
   * attributes are all other non-null columns.
   *
   * @throws MapDataException when the table is unknown, its SRS unsupported or a row unreadable
   */
  public MemoryFeatureSource read(String table) {
    List<String> tables = featureTables();
    if (!tables.contains(table)) {
      throw new MapDataException(
          "GeoPackage " + file + " has no feature table '" + table + "'; it has " + tables);
    }
    FeatureDao dao;
    try {
      dao = geoPackage.getFeatureDao(table);
    } catch (RuntimeException e) {
      throw new MapDataException(
          where(table) + ": cannot open the table: " + reason(e) + causeText(e), e);
    }
    Crs crs;
    String geometryColumn;
    String pkColumn;
    try {
      crs = crsOf(table, dao.getSrs());
      geometryColumn = dao.getGeometryColumnName();
      pkColumn = dao.getPkColumnName();
    } catch (MapDataException e) {
      throw e;
    } catch (RuntimeException e) { // NGA reading gpkg_spatial_ref_sys or the table's columns
      throw new MapDataException(
          where(table) + ": cannot read its SRS or columns: " + reason(e) + causeText(e), e);
    }
    WKBReader wkb = new WKBReader();
    List<Feature> features = new ArrayList<>();
    FeatureResultSet rows = null;
    try {
      rows = dao.queryForAll(); // not AutoCloseable: closed in finally
      while (rows.moveToNext()) {
        FeatureRow row = rows.getRow();
        String id = String.valueOf(row.getId());
        Geometry geometry = geometry(table, id, row.getGeometry(), wkb);
        if (geometry == null) {
          continue;
        }
        features.add(
            new Feature(id, toMercator(geometry, crs), attributes(row, geometryColumn, pkColumn)));
      }
    } catch (MapDataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MapDataException(
          where(table) + ": cannot read rows: " + reason(e) + causeText(e), e);
    } finally {
      if (rows != null) {
        rows.close();
      }
    }
    return new MemoryFeatureSource(table, features);
  }

  private Geometry geometry(String table, String id, GeoPackageGeometryData data, WKBReader wkb) {
    if (data == null || data.isEmpty()) {
      return null;
    }
    try {
      Geometry geometry = wkb.read(data.getWkb());
      if (!geometry.isValid()) {
        geometry = geometry.buffer(0); // as GeoJsonDataStore: self-touching hand-drawn rings
      }
      return geometry;
    } catch (IOException | ParseException | RuntimeException e) {
      throw new MapDataException(
          where(table) + ", row " + id + ": unreadable geometry (" + reason(e) + ")", e);
    }
  }

  private static Map<String, Object> attributes(
      FeatureRow row, String geometryColumn, String pkColumn) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    String[] names = row.getColumnNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(geometryColumn) || names[i].equals(pkColumn)) {
        continue;
      }
      Object value = row.getValue(i);
      if (value != null) { // Feature's attribute map holds no nulls: absent means null
        attributes.put(names[i], value);
      }
    }
    return attributes;
  }

  /** The table's SRS as one of ours; the EPSG code is in the SRS row's organization columns. */
  private Crs crsOf(String table, SpatialReferenceSystem srs) {
    if (srs == null) {
      throw new MapDataException(where(table) + " names no spatial reference system");
    }
    String code = srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
    try {
      Crs crs = Crs.ofCode(code);
      if (crs == Crs.GCJ02 || crs == Crs.BD09) {
        throw new IllegalArgumentException("not an EPSG code");
      }
      return crs;
    } catch (IllegalArgumentException e) {
      throw new MapDataException(
          where(table)
              + " is in SRS "
              + code
              + " (srs_id "
              + srs.getSrsId()
              + ", '"
              + srs.getSrsName()
              + "'); supported: EPSG:4326, EPSG:4490, EPSG:3857 — reproject it, e.g. ogr2ogr"
              + " -t_srs EPSG:4326",
          e);
    }
  }

  private static Geometry toMercator(Geometry geometry, Crs crs) {
    // Already in map metres: a round trip through WGS84 would only add rounding.
    return crs == Crs.WEB_MERCATOR ? geometry : GeoJsonDataStore.toMercator(geometry, crs);
  }

  private String where(String table) {
    return "GeoPackage " + file + ", table '" + table + "'";
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String causeText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      text.append(" (").append(reason(c)).append(')');
    }
    return text.toString();
  }

  @Override
  public void close() {
    geoPackage.close();
  }
}
