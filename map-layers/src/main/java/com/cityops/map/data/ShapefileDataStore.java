package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads an ESRI shapefile — .shp geometry ({@link ShpReader}), .dbf attributes (javadbf), .prj
 * coordinate system ({@link EsriPrj}) and .cpg attribute encoding — into a {@link
 * MemoryFeatureSource} in EPSG:3857.
 *
 * <p>Defaults, each reported in {@link Layer#warnings()} when used (the engine does not log; the
 * caller shows or logs them): no .prj means WGS84; no .cpg means the caller's charset, or when the
 * caller gives none, UTF-8 if the whole .dbf decodes as strict UTF-8, else GBK (the usual encoding
 * of Chinese shapefiles from ArcGIS without a .cpg; a dBASE language driver of 0x4D/0x7A says GBK
 * too). Null shapes are skipped with a warning. Deleted dBASE rows are kept: their .shp records
 * still exist and pairing stays by position.
 *
 * <p>Stateless; thread-safe. Files are read whole (shapefiles are at most 2 GB by format; city
 * layers are megabytes).
 */
public final class ShapefileDataStore {
  private static final Charset GBK = Charset.forName("GBK");

  /**
   * A read shapefile.
   *
   * @param crs the coordinate system the file was in (its geometries are now in EPSG:3857)
   * @param charset the attribute encoding used
   * @param warnings defaults taken and records skipped, for a person to read
   */
  public record Layer(MemoryFeatureSource source, Crs crs, Charset charset, List<String> warnings) {
    public Layer {
      warnings = List.copyOf(warnings);
    }
  }

  private ShapefileDataStore() {}

  /** Reads {@code file} (the .shp) named after its base name, detecting the encoding if no .cpg. */
  public static Layer read(Path shp) {
    return read(shp, baseName(shp), null);
  }

  /**
   * @param fallback the attribute encoding when there is no .cpg, or null to detect it
   * @throws MapDataException naming the file (and record) and the reason
   */
  public static Layer read(Path shp, String name, Charset fallback) {
    List<String> warnings = new ArrayList<>();
    Path dbf =
        sibling(shp, "dbf")
            .orElseThrow(
                () ->
                    new MapDataException(
                        "shapefile " + shp + " has no .dbf beside it (attributes are required)"));
    List<ShpReader.ShpRecord> records = ShpReader.read(shp, bytes(shp));
    Crs crs = crs(shp, warnings);
    byte[] dbfBytes = bytes(dbf);
    Charset charset = charset(shp, dbf, dbfBytes, fallback, warnings);
    List<Map<String, Object>> rows = rows(dbf, dbfBytes, charset);
    if (rows.size() != records.size()) {
      throw new MapDataException(
          "shapefile "
              + shp
              + " has "
              + records.size()
              + " shapes but "
              + dbf.getFileName()
              + " has "
              + rows.size()
              + " rows; the files do not belong together");
    }
    List<Feature> features = new ArrayList<>();
    int nulls = 0;
    for (int i = 0; i < records.size(); i++) {
      Geometry geometry = records.get(i).geometry();
      if (geometry == null) {
        nulls++;
        continue;
      }
      try {
        if (!geometry.isValid()) {
          geometry = geometry.buffer(0); // as GeoJsonDataStore: self-touching hand-drawn rings
        }
        if (crs != Crs.WEB_MERCATOR) {
          geometry = GeoJsonDataStore.toMercator(geometry, crs);
        }
      } catch (RuntimeException e) { // LonLat's range check (a latitude beyond a pole), JTS
        throw new MapDataException(
            "shapefile "
                + shp
                + ", record "
                + (i + 1)
                + ": unusable geometry in "
                + crs
                + " ("
                + e.getMessage()
                + ")",
            e);
      }
      features.add(new Feature(String.valueOf(i + 1), geometry, rows.get(i)));
    }
    if (nulls > 0) {
      warnings.add(nulls + " records have no geometry (Null shape) and were skipped");
    }
    return new Layer(new MemoryFeatureSource(name, features), crs, charset, warnings);
  }

  private static Crs crs(Path shp, List<String> warnings) {
    Optional<Path> prj = sibling(shp, "prj");
    if (prj.isEmpty()) {
      warnings.add("no .prj beside " + shp.getFileName() + ": assumed WGS84 (EPSG:4326)");
      return Crs.WGS84;
    }
    String wkt = new String(bytes(prj.get()), StandardCharsets.UTF_8);
    if (wkt.isBlank()) {
      throw new MapDataException(prj.get() + " is empty; delete it to assume WGS84");
    }
    return EsriPrj.crs(wkt, prj.get().toString());
  }

  private static Charset charset(
      Path shp, Path dbf, byte[] dbfBytes, Charset fallback, List<String> warnings) {
    Optional<Path> cpg = sibling(shp, "cpg");
    if (cpg.isPresent()) {
      return cpgCharset(cpg.get(), new String(bytes(cpg.get()), StandardCharsets.US_ASCII));
    }
    if (fallback != null) {
      warnings.add("no .cpg beside " + shp.getFileName() + ": read attributes as " + fallback);
      return fallback;
    }
    Charset detected = detect(dbfBytes);
    warnings.add(
        "no .cpg beside "
            + shp.getFileName()
            + ": attributes detected as "
            + detected
            + " (pass a charset or add a .cpg if names look wrong)");
    return detected;
  }

  /** The encoding a .cpg names: a charset name, or a Windows code page number ("936"). */
  static Charset cpgCharset(Path cpg, String content) {
    String text = content.strip().toUpperCase(Locale.ROOT);
    if (text.startsWith("ANSI ")) {
      text = text.substring(5).strip(); // ArcGIS writes "ANSI 1252"
    }
    String name =
        switch (text) {
          case "936", "CP936" -> "GBK";
          case "65001", "UTF8" -> "UTF-8";
          case "950" -> "Big5";
          case "54936" -> "GB18030";
          default -> text.matches("\\d+") ? "windows-" + text : text;
        };
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MapDataException(
          cpg + " names encoding '" + content.strip() + "', which this Java does not know", e);
    }
  }

  /** Strict UTF-8 over the record area, else GBK (see the class comment). */
  static Charset detect(byte[] dbf) {
    if (dbf.length > 29 && (dbf[29] == 0x4D || dbf[29] == 0x7A)) {
      return GBK;
    }
    int headerLength = dbf.length >= 10 ? (dbf[8] & 0xff) | (dbf[9] & 0xff) << 8 : 0;
    int start = Math.min(headerLength, dbf.length);
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(dbf, start, dbf.length - start));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return GBK; // expected for GBK bytes: this is the detection, not an error
    }
  }

  private static List<Map<String, Object>> rows(Path dbf, byte[] bytes, Charset charset) {
    List<Map<String, Object>> rows = new ArrayList<>();
    // showDeletedRows = true: pairing with .shp records is by position (see the class comment).
    try (DBFReader reader = new DBFReader(new ByteArrayInputStream(bytes), charset, true)) {
      String[] names = new String[reader.getFieldCount()];
      for (int i = 0; i < names.length; i++) {
        names[i] = reader.getField(i).getName();
      }
      Object[] values;
      while ((values = reader.nextRecord()) != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
          Object value = value(values[i]);
          if (value != null) { // Feature's attribute map holds no nulls: absent means null
            row.put(names[i], value);
          }
        }
        rows.add(row);
      }
    } catch (RuntimeException e) { // DBFException is one too
      // javadbf also fails with unchecked exceptions on a corrupt file (BufferUnderflowException
      // for a field shorter than its type, …): the same message, naming file and row
      throw new MapDataException(
          "attribute table "
              + dbf
              + " is unreadable at row "
              + (rows.size() + 1)
              + ": "
              + (e instanceof DBFException
                  ? reason(e)
                  : "the file is corrupt (javadbf: " + reason(e) + "); export it again"),
          e);
    }
    return rows;
  }

  /** dBASE values as the plain types features carry: Long or Double, String, Boolean, date text. */
  private static Object value(Object value) {
    if (value instanceof BigDecimal number) {
      return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
          ? (Object) number.longValue()
          : (Object) number.doubleValue();
    }
    if (value instanceof Date date) {
      // javadbf builds dates at local midnight
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
    }
    if (value instanceof String text && text.isEmpty()) {
      return null; // dBASE pads, it has no null: an all-blank field is "no value"
    }
    return value;
  }

  /** The first message in the cause chain; javadbf's own exceptions often carry none. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return "the file ends early (truncated)";
      }
      if (t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  /** The sibling file with another extension, in lower or upper case as the delivery has it. */
  private static Optional<Path> sibling(Path shp, String extension) {
    String base = baseName(shp);
    for (String ext : new String[] {extension, extension.toUpperCase(Locale.ROOT)}) {
      Path candidate = shp.resolveSibling(base + "." + ext);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String baseName(Path shp) {
    String file = shp.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MapDataException("cannot read " + file + ": " + e, e);
    }
  }
}
