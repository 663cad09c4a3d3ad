package com.cityops.map.data;

import com.cityops.map.geo.Crs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the data a style file names — {@code geojson} (file or http(s) URL), {@code gpkg} (a
 * table), {@code shapefile}, {@code ogcapi} (a collection of an OGC API – Features service) — as a
 * feature source (GeoTools' {@code DataStoreFinder}, reduced). Relative paths are resolved against
 * the style file's folder. Blocking I/O: call off the UI thread.
 */
public final class DataStores {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private DataStores() {}

  /**
   * @param type geojson, gpkg, shapefile or ogcapi
   * @param location a path or URL
   * @param crs the data's CRS code when the format does not say (GeoJSON), or null for WGS84
   * @param layer the GeoPackage table or the OGC API collection; null for the others
   * @throws MapDataException naming the location and what is wrong with it
   */
  public static FeatureSource open(
      String type, String location, String crs, String layer, Path base) {
    if (location == null || location.isBlank()) {
      throw new MapDataException("a '" + type + "' source needs a path or URL");
    }
    String name = layer == null ? location : layer;
    return switch (type) {
      case "geojson" -> geoJson(location, name, crs == null ? Crs.WGS84 : Crs.ofCode(crs), base);
      case "gpkg", "geopackage" -> {
        if (layer == null) {
          throw new MapDataException("GeoPackage " + location + ": say which table in \"layer\"");
        }
        yield GeoPackageDataStore.read(resolve(location, base), layer);
      }
      case "shapefile", "shp" -> ShapefileDataStore.read(resolve(location, base)).source();
      case "ogcapi" -> {
        if (layer == null) {
          throw new MapDataException("OGC API " + location + ": say which collection in \"layer\"");
        }
        yield OgcApiFeaturesSource.builder(URI.create(location)).build().load(layer, null);
      }
      default ->
          throw new MapDataException(
              "unknown source type '" + type + "'; known: geojson, gpkg, shapefile, ogcapi");
    };
  }

  private static MemoryFeatureSource geoJson(String location, String name, Crs crs, Path base) {
    if (!location.startsWith("http://") && !location.startsWith("https://")) {
      return GeoJsonDataStore.read(resolve(location, base), name, crs);
    }
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(location)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new MapDataException(
            "GeoJSON " + location + " answered HTTP " + response.statusCode());
      }
      return GeoJsonDataStore.read(response.body(), name, crs);
    } catch (java.io.IOException e) {
      throw new MapDataException("cannot fetch GeoJSON " + location + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MapDataException("fetching GeoJSON " + location + " was interrupted", e);
    }
  }

  private static Path resolve(String location, Path base) {
    Path p = Path.of(location);
    return p.isAbsolute() || base == null ? p : base.resolve(p);
  }
}
