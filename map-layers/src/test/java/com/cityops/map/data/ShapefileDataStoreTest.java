package com.cityops.map.data;

import static com.cityops.map.MapFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cityops.map.geo.Crs;
import com.cityops.map.geo.WebMercator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;

class ShapefileDataStoreTest {
  static final Path GBK_SHP = fixture("shanghai-districts-gbk.shp");
  static final Path UTF8_SHP = fixture("shanghai-districts-utf8.shp");
  static final Charset GBK = Charset.forName("GBK");

  @Test
  void readsTheGbkShapefileWithItsCpgAndPrj() {
    ShapefileDataStore.Layer layer = ShapefileDataStore.read(GBK_SHP);
    assertThat(layer.charset()).isEqualTo(GBK);
    assertThat(layer.crs()).isEqualTo(Crs.WGS84);
    assertThat(layer.warnings()).isEmpty();
    MemoryFeatureSource districts = layer.source();
    assertThat(districts.name()).isEqualTo("shanghai-districts-gbk");
    assertThat(districts.all()).hasSize(16);
    assertThat(districts.all())
        .extracting(f -> f.text("name"))
        .contains("浦东新区", "黄浦区", "普陀区", "崇明区");
    assertThat(GeoPackageDataStoreTest.byName(districts, "浦东新区").text("adcode"))
        .isEqualTo("310115");
    Envelope bounds = districts.bounds();
    assertThat(bounds.getMinX()).isBetween(WebMercator.x(120.8), WebMercator.x(121.0));
    assertThat(bounds.getMaxY()).isBetween(WebMercator.y(31.8), WebMercator.y(31.9));
  }

  @Test
  void geometriesMatchTheGeoPackageOfTheSameSource() {
    MemoryFeatureSource shp = ShapefileDataStore.read(GBK_SHP).source();
    MemoryFeatureSource gpkg =
        GeoPackageDataStore.read(fixture("shanghai-districts.gpkg"), "districts");
    for (Feature expected : gpkg.all()) {
      Feature actual = GeoPackageDataStoreTest.byName(shp, expected.text("name"));
      // The shapefile stores 崇明区's islands as one Polygon record with several outer rings.
      assertThat(actual.geometry().getNumGeometries())
          .as(expected.text("name"))
          .isEqualTo(expected.geometry().getNumGeometries());
      assertThat(actual.geometry().getArea())
          .as(expected.text("name"))
          .isCloseTo(expected.geometry().getArea(), within(expected.geometry().getArea() * 1e-9));
    }
  }

  @Test
  void detectsUtf8WithoutACpgAndSaysSo() {
    ShapefileDataStore.Layer layer = ShapefileDataStore.read(UTF8_SHP);
    assertThat(layer.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(layer.source().all()).extracting(f -> f.text("name")).contains("浦东新区");
    assertThat(layer.warnings()).anySatisfy(w -> assertThat(w).contains("no .cpg", "UTF-8"));
  }

  @Test
  void detectsGbkWithoutACpgAndHonoursACallersCharset(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "dbf", "prj"); // no .cpg
    ShapefileDataStore.Layer detected = ShapefileDataStore.read(shp);
    assertThat(detected.charset()).isEqualTo(GBK);
    assertThat(detected.source().all()).extracting(f -> f.text("name")).contains("浦东新区");

    ShapefileDataStore.Layer told = ShapefileDataStore.read(shp, "d", StandardCharsets.ISO_8859_1);
    assertThat(told.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(told.warnings()).anySatisfy(w -> assertThat(w).contains("ISO-8859-1"));
    assertThat(told.source().all()).extracting(f -> f.text("name")).doesNotContain("浦东新区");
  }

  @Test
  void assumesWgs84WithoutAPrjAndSaysSo(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "dbf", "cpg");
    ShapefileDataStore.Layer layer = ShapefileDataStore.read(shp);
    assertThat(layer.crs()).isEqualTo(Crs.WGS84);
    assertThat(layer.warnings()).containsExactly("no .prj beside d.shp: assumed WGS84 (EPSG:4326)");
  }

  @Test
  void recognisesCgcs2000AndWebMercatorPrjAndRefusesOthers() {
    assertThat(
            EsriPrj.crs(
                "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]",
                "x.prj"))
        .isEqualTo(Crs.CGCS2000);
    assertThat(
            EsriPrj.crs(
                "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],UNIT[\"Meter\",1.0]]",
                "x.prj"))
        .isEqualTo(Crs.WEB_MERCATOR);
    assertThatThrownBy(
            () ->
                EsriPrj.crs(
                    "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],UNIT[\"Meter\",1.0]]",
                    "x.prj"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("x.prj")
        .hasMessageContaining("'CGCS2000_3_Degree_GK_CM_120E' is not supported");
  }

  @Test
  void readsCpgSpellings() {
    Path cpg = Path.of("x.cpg");
    assertThat(ShapefileDataStore.cpgCharset(cpg, "936\r\n")).isEqualTo(GBK);
    assertThat(ShapefileDataStore.cpgCharset(cpg, "UTF-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ShapefileDataStore.cpgCharset(cpg, "ANSI 1252"))
        .isEqualTo(Charset.forName("windows-1252"));
    assertThatThrownBy(() -> ShapefileDataStore.cpgCharset(cpg, "klingon"))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("x.cpg names encoding 'klingon'");
  }

  @Test
  void rejectsATruncatedShpNamingTheRecord(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "dbf", "prj", "cpg");
    byte[] all = Files.readAllBytes(shp);
    Files.write(shp, Arrays.copyOf(all, all.length - 1000)); // cuts into the last record
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining(shp.toString())
        .hasMessageContaining("record 16")
        .hasMessageContaining("truncated");
    // Cut exactly after record 15: every record present is whole, the header says more follow.
    Files.write(shp, Arrays.copyOf(all, lastRecordStart(all)));
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .hasMessageContaining("record 16: missing")
        .hasMessageContaining("truncated after record 15");
    Files.write(shp, Arrays.copyOf(all, 60));
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .hasMessageContaining("shorter than its 100-byte header");
  }

  @Test
  void rejectsCorruptCountsAndForeignFiles(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "dbf", "prj", "cpg");
    byte[] all = Files.readAllBytes(shp);
    // Record 1 content starts at 108: type(4) bbox(32) numParts at +36, numPoints at +40.
    ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(108 + 40, 1_000_000);
    Files.write(shp, all);
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("record 1:")
        .hasMessageContaining("1000000 points");

    Files.writeString(shp, "PK\u0003\u0004 this is a zip, not a shapefile".repeat(10));
    assertThatThrownBy(() -> ShapefileDataStore.read(shp)).hasMessageContaining("not a .shp file");

    Files.delete(dir.resolve("d.dbf"));
    assertThatThrownBy(() -> ShapefileDataStore.read(shp)).hasMessageContaining("has no .dbf");
  }

  @Test
  void rejectsATruncatedDbfNamingTheRow(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "dbf", "prj", "cpg");
    Path dbf = dir.resolve("d.dbf");
    Files.write(dbf, Arrays.copyOf(Files.readAllBytes(dbf), 500));
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .isInstanceOf(MapDataException.class)
        .hasMessage(
            "attribute table " + dbf + " is unreadable at row 3: the file ends early (truncated)");
  }

  @Test
  void rejectsAShpAndDbfThatDoNotBelongTogether(@TempDir Path dir) throws Exception {
    Path shp = copy(GBK_SHP, dir, "shp", "shx", "prj", "cpg");
    Files.write(dir.resolve("d.dbf"), dbfWithOneRow());
    assertThatThrownBy(() -> ShapefileDataStore.read(shp))
        .isInstanceOf(MapDataException.class)
        .hasMessageContaining("16 shapes but d.dbf has 1 rows");
  }

  @Test
  void readsPointsMultiPointsLinesAndPolygonsWithHolesIncludingZVariants(@TempDir Path dir)
      throws Exception {
    // A hand-built file per type, written to the spec, so each decoder path runs.
    ShpWriter point = new ShpWriter(11); // PointZ: Z and M follow and are skipped
    point.record(b -> b.putDouble(121.47).putDouble(31.23).putDouble(5.0).putDouble(0.0));
    Feature p = point.readIn(dir, "pointz").get(0);
    assertThat(p.geometry().getCoordinate().x).isCloseTo(WebMercator.x(121.47), within(1e-6));

    ShpWriter multi = new ShpWriter(8);
    multi.record(b -> bbox(b).putInt(2).putDouble(121).putDouble(31).putDouble(122).putDouble(32));
    assertThat(multi.readIn(dir, "multipoint").get(0).geometry()).isInstanceOf(MultiPoint.class);

    ShpWriter line = new ShpWriter(3);
    line.record(
        b ->
            bbox(b)
                .putInt(1)
                .putInt(3)
                .putInt(0)
                .putDouble(121)
                .putDouble(31)
                .putDouble(121.5)
                .putDouble(31.5)
                .putDouble(122)
                .putDouble(31));
    assertThat(line.readIn(dir, "line").get(0).geometry()).isInstanceOf(LineString.class);

    // Outer ring clockwise (ESRI), hole counter-clockwise.
    double[][] outer = {{121, 31}, {121, 32}, {122, 32}, {122, 31}, {121, 31}};
    double[][] hole = {{121.4, 31.4}, {121.6, 31.4}, {121.6, 31.6}, {121.4, 31.6}, {121.4, 31.4}};
    ShpWriter polygon = new ShpWriter(5);
    polygon.record(
        b -> {
          bbox(b).putInt(2).putInt(10).putInt(0).putInt(5);
          for (double[] c : outer) b.putDouble(c[0]).putDouble(c[1]);
          for (double[] c : hole) b.putDouble(c[0]).putDouble(c[1]);
        });
    Polygon donut = (Polygon) polygon.readIn(dir, "polygon").get(0).geometry();
    assertThat(donut.getNumInteriorRing()).isEqualTo(1);
    assertThat(donut.getArea()).isLessThan(donut.getExteriorRing().getEnvelopeInternal().getArea());
  }

  /** Where the last record's header starts, walking the record headers (big-endian lengths). */
  static int lastRecordStart(byte[] shp) {
    ByteBuffer b = ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN);
    int offset = 100;
    int last = offset;
    while (offset < shp.length) {
      last = offset;
      offset += 8 + 2 * b.getInt(offset + 4);
    }
    return last;
  }

  private static ByteBuffer bbox(ByteBuffer b) {
    return b.putDouble(121).putDouble(31).putDouble(122).putDouble(32);
  }

  /** Writes a one-record .shp plus a matching one-row .dbf (little spec-following writer). */
  static final class ShpWriter {
    private final int type;
    private final ByteBuffer content = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    ShpWriter(int type) {
      this.type = type;
    }

    void record(java.util.function.Consumer<ByteBuffer> body) {
      content.putInt(type);
      body.accept(content);
    }

    java.util.List<Feature> readIn(Path dir, String name) throws Exception {
      int length = content.position();
      ByteBuffer file = ByteBuffer.allocate(100 + 8 + length);
      file.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, file.capacity() / 2);
      file.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
      file.order(ByteOrder.BIG_ENDIAN).putInt(100, 1).putInt(104, length / 2);
      file.put(108, content.array(), 0, length);
      Files.write(dir.resolve(name + ".shp"), file.array());
      Files.write(dir.resolve(name + ".dbf"), dbfWithOneRow());
      return ShapefileDataStore.read(dir.resolve(name + ".shp")).source().all();
    }
  }

  /** A dBASE III file with one character field "name" and one row "x". */
  static byte[] dbfWithOneRow() {
    ByteBuffer b = ByteBuffer.allocate(32 + 32 + 1 + 11 + 1).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 3).put((byte) 126).put((byte) 1).put((byte) 1).putInt(1);
    b.putShort((short) 65).putShort((short) 11);
    b.position(32).put("name".getBytes(StandardCharsets.US_ASCII));
    b.position(32 + 11).put((byte) 'C').position(32 + 16).put((byte) 10);
    b.position(64)
        .put((byte) 0x0D)
        .put((byte) ' ')
        .put("x         ".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) 0x1A);
    return b.array();
  }

  /** Copies the fixture's files with the given extensions to {@code dir/d.*}; returns d.shp. */
  static Path copy(Path shp, Path dir, String... extensions) throws Exception {
    String base = shp.getFileName().toString().replace(".shp", "");
    for (String ext : extensions) {
      Files.copy(shp.resolveSibling(base + "." + ext), dir.resolve("d." + ext));
    }
    return dir.resolve("d.shp");
  }
}
