package com.cityops.map.tiles;

import com.cityops.map.data.MapDataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A WMTS 1.0.0 GetCapabilities document, read with the JDK's DOM (DTDs and external entities off:
 * capabilities come from the network): layers with styles, formats, matrix-set links and REST
 * {@code ResourceURL} templates; tile matrix sets with their CRS and matrices; the KVP GetTile base
 * URL. Only what a tile client needs; immutable records.
 */
public record WmtsCapabilities(
    List<Layer> layers, List<TileMatrixSet> matrixSets, Optional<String> getTileKvpUrl) {
  static final String WMTS = "http://www.opengis.net/wmts/1.0";
  static final String OWS = "http://www.opengis.net/ows/1.1";
  static final String XLINK = "http://www.w3.org/1999/xlink";

  /** OGC's standardised rendering pixel, 0.28 mm: scale denominator × this = metres per pixel. */
  public static final double PIXEL_METRES = 0.00028;

  /** Metres per degree on the WGS84/CGCS2000 equator (a = 6378137 m), as OGC WMTS annex E uses. */
  public static final double METRES_PER_DEGREE = 2 * Math.PI * 6_378_137.0 / 360;

  public record Layer(
      String identifier,
      String title,
      List<String> styles,
      String defaultStyle,
      List<String> formats,
      List<String> matrixSets,
      List<String> resourceUrlTemplates) {}

  public record TileMatrixSet(String identifier, String crs, List<TileMatrix> matrices) {
    /** Whether the CRS is geographic (EPSG:4326, 4490, CRS84): units are degrees. */
    public boolean geographic() {
      String c = crs.toUpperCase(Locale.ROOT);
      return c.endsWith(":4326") || c.endsWith(":4490") || c.endsWith("CRS84");
    }

    /** Whether it is Web Mercator (EPSG:3857 and its old aliases 900913, 102100, 102113). */
    public boolean webMercator() {
      String c = crs.toUpperCase(Locale.ROOT);
      return c.endsWith(":3857")
          || c.endsWith(":900913")
          || c.endsWith(":102100")
          || c.endsWith(":102113");
    }

    /** Map units per pixel of a matrix: metres, or degrees for a geographic CRS. */
    public double resolution(TileMatrix m) {
      double metres = m.scaleDenominator() * PIXEL_METRES;
      return geographic() ? metres / METRES_PER_DEGREE : metres;
    }
  }

  /**
   * One zoom level. {@code originX}/{@code originY} are easting/northing (or lon/lat): the
   * document's {@code TopLeftCorner} is in CRS axis order, which is lat, lon for EPSG:4326/4490 —
   * swapped here so x is always east.
   */
  public record TileMatrix(
      String identifier,
      double scaleDenominator,
      double originX,
      double originY,
      int tileWidth,
      int tileHeight,
      int matrixWidth,
      int matrixHeight) {}

  public Optional<Layer> layer(String identifier) {
    return layers.stream().filter(l -> l.identifier().equals(identifier)).findFirst();
  }

  public Optional<TileMatrixSet> matrixSet(String identifier) {
    return matrixSets.stream().filter(s -> s.identifier().equals(identifier)).findFirst();
  }

  /**
   * Reads a capabilities document; {@code where} names it in errors.
   *
   * @throws MapDataException when it is not XML or not WMTS capabilities
   */
  public static WmtsCapabilities parse(InputStream in, String where) {
    Element root;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null); // errors come back as the exception below, not on stderr
      root = b.parse(in).getDocumentElement();
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new MapDataException("WMTS capabilities " + where + " is not readable XML: " + e, e);
    }
    if (!"Capabilities".equals(root.getLocalName()) || !WMTS.equals(root.getNamespaceURI())) {
      throw new MapDataException(
          "WMTS capabilities "
              + where
              + " has root <"
              + root.getNodeName()
              + ">, expected <Capabilities> of "
              + WMTS
              + " (is this a WMS or an error page?)");
    }
    Element contents = child(root, WMTS, "Contents");
    if (contents == null) {
      throw new MapDataException("WMTS capabilities " + where + " has no <Contents>");
    }
    List<Layer> layers = new ArrayList<>();
    for (Element l : children(contents, WMTS, "Layer")) {
      List<String> styles = new ArrayList<>();
      String defaultStyle = null;
      for (Element s : children(l, WMTS, "Style")) {
        String id = text(s, OWS, "Identifier");
        styles.add(id);
        if ("true".equals(s.getAttribute("isDefault")) || defaultStyle == null) {
          defaultStyle = id;
        }
      }
      List<String> formats = new ArrayList<>();
      children(l, WMTS, "Format").forEach(e -> formats.add(e.getTextContent().trim()));
      List<String> sets = new ArrayList<>();
      for (Element link : children(l, WMTS, "TileMatrixSetLink")) {
        sets.add(text(link, WMTS, "TileMatrixSet"));
      }
      List<String> templates = new ArrayList<>();
      for (Element r : children(l, WMTS, "ResourceURL")) {
        if ("tile".equals(r.getAttribute("resourceType"))) {
          templates.add(r.getAttribute("template"));
        }
      }
      layers.add(
          new Layer(
              text(l, OWS, "Identifier"),
              text(l, OWS, "Title"),
              styles,
              defaultStyle,
              formats,
              sets,
              templates));
    }
    List<TileMatrixSet> sets = new ArrayList<>();
    for (Element s : children(contents, WMTS, "TileMatrixSet")) {
      String id = text(s, OWS, "Identifier");
      String crs = text(s, OWS, "SupportedCRS");
      boolean latLon = new TileMatrixSet(id, crs, List.of()).geographic() && !crs.endsWith("CRS84");
      List<TileMatrix> matrices = new ArrayList<>();
      for (Element m : children(s, WMTS, "TileMatrix")) {
        matrices.add(matrix(m, latLon, where, id));
      }
      sets.add(new TileMatrixSet(id, crs, List.copyOf(matrices)));
    }
    return new WmtsCapabilities(List.copyOf(layers), List.copyOf(sets), getTileKvp(root));
  }

  /** One {@code <TileMatrix>}; every number is checked, so a bad one names the set and matrix. */
  private static TileMatrix matrix(Element m, boolean latLon, String where, String set) {
    String matrix = text(m, OWS, "Identifier");
    String at = "WMTS capabilities " + where + ": tile matrix set " + set + ", matrix " + matrix;
    String cornerText = text(m, WMTS, "TopLeftCorner");
    String[] corner = cornerText.split("\\s+");
    if (corner.length != 2) {
      throw new MapDataException(
          at + ": TopLeftCorner '" + cornerText + "' is not two numbers separated by a space");
    }
    double a = number(corner[0], at, "TopLeftCorner");
    double b = number(corner[1], at, "TopLeftCorner");
    double scale = number(text(m, WMTS, "ScaleDenominator"), at, "ScaleDenominator");
    if (!(scale > 0)) {
      throw new MapDataException(at + ": ScaleDenominator " + scale + " is not positive");
    }
    return new TileMatrix(
        matrix,
        scale,
        latLon ? b : a,
        latLon ? a : b,
        count(m, "TileWidth", at),
        count(m, "TileHeight", at),
        count(m, "MatrixWidth", at),
        count(m, "MatrixHeight", at));
  }

  private static double number(String text, String at, String what) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below shows the text
    }
    throw new MapDataException(at + ": " + what + " '" + text + "' is not a finite number");
  }

  private static int count(Element m, String name, String at) {
    String text = text(m, WMTS, name);
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // the message below shows the text
    }
    throw new MapDataException(at + ": " + name + " '" + text + "' is not a positive whole number");
  }

  private static Optional<String> getTileKvp(Element root) {
    Element ops = child(root, OWS, "OperationsMetadata");
    if (ops == null) {
      return Optional.empty();
    }
    for (Element op : children(ops, OWS, "Operation")) {
      if ("GetTile".equals(op.getAttribute("name"))) {
        NodeList gets = op.getElementsByTagNameNS(OWS, "Get");
        for (int i = 0; i < gets.getLength(); i++) {
          Element get = (Element) gets.item(i);
          String values = get.getTextContent();
          if (values.isBlank() || values.contains("KVP")) {
            return Optional.of(get.getAttributeNS(XLINK, "href"));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Element child(Element parent, String ns, String name) {
    List<Element> c = children(parent, ns, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && name.equals(e.getLocalName())
          && ns.equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String ns, String name) {
    Element e = child(parent, ns, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
