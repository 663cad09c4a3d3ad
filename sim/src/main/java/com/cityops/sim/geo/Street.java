package com.cityops.sim.geo;

import org.locationtech.jts.geom.Geometry;

/** A street or town (街道/镇), generated inside its district; code = district code + 3 digits. */
public record Street(String code, String name, String districtCode, Geometry boundary) {}
