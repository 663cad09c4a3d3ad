package com.cityops.map.style;

/**
 * Where a configured layer's features come from, as written in the style file; nothing is loaded
 * here (the app resolves {@code path} against its data folder and picks the data store by {@code
 * type}).
 *
 * @param type e.g. {@code geojson}, {@code gpkg}, {@code backend}
 * @param path a file path or URL, or null
 * @param crs the coordinate system the data is in, an EPSG code or GCJ-02/BD-09 (see {@code Crs})
 * @param layer a table or layer inside the source (GeoPackage table, backend layer id), or null
 */
public record SourceSpec(String type, String path, String crs, String layer) {}
