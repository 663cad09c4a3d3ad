package com.cityops.sim.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A district (区) from the real boundary data.
 *
 * @param abbreviation the two letters case codes start with, e.g. {@code PT} for 普陀区
 */
public record District(
    String code, String name, String abbreviation, Geometry boundary, GeoPoint center) {}
