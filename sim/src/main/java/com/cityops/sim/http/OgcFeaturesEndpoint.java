package com.cityops.sim.http;

import com.cityops.api.GeoJsonFeature;
import com.cityops.api.Json;
import com.cityops.api.LayerInfo;
import com.cityops.api.ProblemType;
import com.cityops.sim.world.CityWorld;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A minimal OGC API – Features (Part 1: Core + GeoJSON) over the same layers as {@code
 * /api/v1/layers}, so standard GIS clients (QGIS, GDAL's OAPIF driver, our {@code
 * OgcApiFeaturesSource}) can read them. Paging is by {@code offset} over the layer's stable order,
 * with {@code next}/{@code prev} links; positions are CRS84.
 *
 * <p>The landing page and conformance are public (they describe, they hold no data); everything
 * under {@code /ogc/collections} needs the same bearer token as the REST API — the boundaries are
 * the same data and must not leak around the sign-in. Errors are problem+json like the rest of the
 * API. Stateless; thread-safe.
 */
final class OgcFeaturesEndpoint {
  static final String BASE = "/ogc";
  static final String COLLECTIONS = BASE + "/collections";
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  private static final String GEOJSON = "application/geo+json";
  private static final String JSON = "application/json";
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

  private final CityWorld world;

  OgcFeaturesEndpoint(CityWorld world) {
    this.world = world;
  }

  /** True for the paths anyone may read without a token. */
  static boolean isPublic(String path) {
    return path.equals(BASE) || path.equals(BASE + "/") || path.equals(BASE + "/conformance");
  }

  void configure(RoutesConfig routes) {
    routes.get(BASE, this::landing);
    routes.get(BASE + "/conformance", ctx -> send(ctx, JSON, Map.of("conformsTo", CONFORMANCE)));
    routes.get(COLLECTIONS, this::collections);
    routes.get(COLLECTIONS + "/{id}", ctx -> send(ctx, JSON, collection(ctx, layer(ctx))));
    routes.get(COLLECTIONS + "/{id}/items", this::items);
    routes.get(COLLECTIONS + "/{id}/items/{featureId}", this::item);
  }

  private void landing(Context ctx) {
    String root = root(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "CityOps reference backend");
    body.put("description", "Shanghai's districts, streets and grid cells as OGC API – Features");
    body.put(
        "links",
        List.of(
            link(root + BASE, "self", JSON, "this document"),
            link(root + BASE + "/conformance", "conformance", JSON, "conformance classes"),
            link(root + COLLECTIONS, "data", JSON, "the feature collections")));
    send(ctx, JSON, body);
  }

  private void collections(Context ctx) {
    String root = root(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("links", List.of(link(root + COLLECTIONS, "self", JSON, "this document")));
    body.put("collections", world.layers().stream().map(l -> collection(ctx, l)).toList());
    send(ctx, JSON, body);
  }

  private Map<String, Object> collection(Context ctx, LayerInfo layer) {
    String href = root(ctx) + COLLECTIONS + "/" + layer.id();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", layer.id());
    c.put("title", layer.name());
    c.put("description", layer.attribution());
    c.put("extent", Map.of("spatial", Map.of("bbox", List.of(layer.bbox()), "crs", CRS84)));
    c.put("itemType", "feature");
    c.put("crs", List.of(CRS84));
    c.put(
        "links",
        List.of(
            link(href, "self", JSON, "this collection"),
            link(href + "/items", "items", GEOJSON, layer.name())));
    return c;
  }

  private void items(Context ctx) {
    LayerInfo layer = layer(ctx);
    int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String bboxText = ctx.queryParam("bbox");
    Envelope bbox = QueryParams.bbox(bboxText);
    List<GeoJsonFeature> all = world.features(layer.id(), bbox).features();
    int from = Math.min(offset, all.size());
    int to = (int) Math.min((long) from + limit, all.size());
    List<GeoJsonFeature> page = all.subList(from, to);

    String items = root(ctx) + COLLECTIONS + "/" + layer.id() + "/items";
    String bboxQuery = bbox == null ? "" : "&bbox=" + bboxText.replace(" ", "");
    List<Map<String, Object>> links = new java.util.ArrayList<>();
    links.add(link(pageHref(items, limit, offset, bboxQuery), "self", GEOJSON, "this page"));
    if (to < all.size()) {
      links.add(link(pageHref(items, limit, to, bboxQuery), "next", GEOJSON, "next page"));
    }
    if (from > 0) {
      links.add(
          link(
              pageHref(items, limit, Math.max(0, from - limit), bboxQuery),
              "prev",
              GEOJSON,
              "previous page"));
    }
    links.add(link(root(ctx) + COLLECTIONS + "/" + layer.id(), "collection", JSON, layer.name()));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "FeatureCollection");
    body.put("numberMatched", all.size());
    body.put("numberReturned", page.size());
    body.put("timeStamp", world.cityTime().toString());
    body.put("links", links);
    body.put("features", page);
    send(ctx, GEOJSON, body);
  }

  private void item(Context ctx) {
    LayerInfo layer = layer(ctx);
    String id = ctx.pathParam("featureId");
    GeoJsonFeature feature =
        world.features(layer.id(), null).features().stream()
            .filter(f -> id.equals(f.id()))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadRequest(
                        ProblemType.NOT_FOUND,
                        "collection '" + layer.id() + "' has no feature '" + id + "'"));
    send(ctx, GEOJSON, feature);
  }

  private static String pageHref(String items, int limit, int offset, String bboxQuery) {
    return items + "?limit=" + limit + "&offset=" + offset + bboxQuery;
  }

  private LayerInfo layer(Context ctx) {
    String id = ctx.pathParam("id");
    return world.layers().stream()
        .filter(l -> l.id().equals(id))
        .findFirst()
        .orElseThrow(
            () -> new BadRequest(ProblemType.NOT_FOUND, "no collection with id '" + id + "'"));
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min) {
        throw new NumberFormatException();
      }
      return Math.min(value, max); // Part 1, /req/core/fc-limit-response-1: clamp, no error
    } catch (NumberFormatException e) {
      throw new BadRequest(
          ProblemType.INVALID_REQUEST,
          name + " must be an integer of at least " + min + ", got '" + text + "'");
    }
  }

  /** Scheme and authority as the client reached us, so links work behind port mapping. */
  private static String root(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }

  private static void send(Context ctx, String type, Object body) {
    ctx.status(200)
        .contentType(type + ";charset=utf-8")
        .result(Json.write(body).getBytes(StandardCharsets.UTF_8));
  }
}
